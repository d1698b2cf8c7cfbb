import { eventTopic, typedDataHash } from "../eth/index.js";

const ZERO_ADDRESS = `0x${"0".repeat(40)}`;

/**
 * A Safe transaction as the Safe contract hashes and executes it (`execTransaction`). The plugin
 * proposes plain calls (operation 0) without refunds: every gas field is 0, as the Safe app does
 * for Safes 1.3 and later.
 */
export interface SafeTransaction {
  readonly to: string;
  /** Wei, decimal. */
  readonly value: string;
  readonly data: string;
  /** 0: call, 1: delegatecall. */
  readonly operation: 0 | 1;
  readonly safeTxGas: string;
  readonly baseGas: string;
  readonly gasPrice: string;
  readonly gasToken: string;
  readonly refundReceiver: string;
  readonly nonce: number;
}

/** What a migration asks the Safe to do: one call. */
export interface SafeCall {
  readonly to: string;
  readonly value: string;
  readonly data: string;
}

/** The Safe transaction of `call` at `nonce`: a plain call, no refund. */
export function safeTransaction(call: SafeCall, nonce: number): SafeTransaction {
  return {
    to: call.to,
    value: call.value,
    data: call.data,
    operation: 0,
    safeTxGas: "0",
    baseGas: "0",
    gasPrice: "0",
    gasToken: ZERO_ADDRESS,
    refundReceiver: ZERO_ADDRESS,
    nonce,
  };
}

/** The EIP-712 types of a Safe transaction (Safe 1.3 and later). */
export const SAFE_TX_TYPES = {
  SafeTx: [
    { name: "to", type: "address" },
    { name: "value", type: "uint256" },
    { name: "data", type: "bytes" },
    { name: "operation", type: "uint8" },
    { name: "safeTxGas", type: "uint256" },
    { name: "baseGas", type: "uint256" },
    { name: "gasPrice", type: "uint256" },
    { name: "gasToken", type: "address" },
    { name: "refundReceiver", type: "address" },
    { name: "nonce", type: "uint256" },
  ],
} as const;

/** The EIP-712 domain of the Safe at `safe` on `chainId` (Safe 1.3 and later). */
export function safeDomain(chainId: number, safe: string): { chainId: number; verifyingContract: string } {
  return { chainId, verifyingContract: safe };
}

/** The Safe transaction hash owners sign (EIP-712), as the Safe's `getTransactionHash` returns it. */
export function safeTransactionHash(chainId: number, safe: string, tx: SafeTransaction): string {
  const message = {
    ...tx,
    value: BigInt(tx.value),
    safeTxGas: BigInt(tx.safeTxGas),
    baseGas: BigInt(tx.baseGas),
    gasPrice: BigInt(tx.gasPrice),
    nonce: BigInt(tx.nonce),
  };
  return typedDataHash(safeDomain(chainId, safe), SAFE_TX_TYPES, "SafeTx", message);
}

/** The part of the Safe's ABI the plugin reads (Safe 1.3 and 1.4: the events differ only in indexing). */
export const SAFE_ABI = [
  "function nonce() view returns (uint256)",
  "function getThreshold() view returns (uint256)",
  "function getOwners() view returns (address[])",
  "function VERSION() view returns (string)",
  "function getTransactionHash(address to, uint256 value, bytes data, uint8 operation, uint256 safeTxGas, uint256 baseGas, uint256 gasPrice, address gasToken, address refundReceiver, uint256 _nonce) view returns (bytes32)",
  "function execTransaction(address to, uint256 value, bytes data, uint8 operation, uint256 safeTxGas, uint256 baseGas, uint256 gasPrice, address gasToken, address payable refundReceiver, bytes signatures) payable returns (bool)",
  "event ExecutionSuccess(bytes32 txHash, uint256 payment)",
  "event ExecutionFailure(bytes32 txHash, uint256 payment)",
] as const;

/** `ExecutionSuccess(bytes32,uint256)` and `ExecutionFailure(bytes32,uint256)` topics. */
export const EXECUTION_SUCCESS_TOPIC = eventTopic(SAFE_ABI, "ExecutionSuccess");
export const EXECUTION_FAILURE_TOPIC = eventTopic(SAFE_ABI, "ExecutionFailure");
