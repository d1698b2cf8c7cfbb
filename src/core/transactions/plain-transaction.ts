import { checksumAddress } from "../eth/address.js";
import { receiptFromRpc, type MinedReceipt, type RpcReceipt } from "../mined-receipt.js";

/**
 * A transaction as the engine sends it, whichever library the migration speaks: plain values,
 * `to` already resolved to an address (`null`: a contract creation), quantities as bigint.
 * Gas, fees and nonce are optional: the run fills in what is missing.
 */
export interface PlainTransaction {
  readonly to: string | null;
  readonly data?: string;
  readonly value?: bigint;
  readonly gas?: bigint;
  readonly gasPrice?: bigint;
  readonly maxFeePerGas?: bigint;
  readonly maxPriorityFeePerGas?: bigint;
  /** An explicit nonce (the run assigns one otherwise). */
  readonly nonce?: number;
  readonly accessList?: readonly { readonly address: string; readonly storageKeys: readonly string[] }[];
}

/** A transaction the engine sent (or found on chain for an interrupted run's step). */
export interface SentTransaction {
  readonly hash: string;
  readonly from: string;
  readonly to: string | null;
  readonly nonce: number;
  readonly data: string;
  readonly value: bigint;
  /** Gas and fees when known (what was sent, or what the node reports); absent: the node filled them in. */
  readonly gas?: bigint;
  readonly gasPrice?: bigint;
  readonly maxFeePerGas?: bigint;
  readonly maxPriorityFeePerGas?: bigint;
  readonly chainId?: bigint;
  /** The block it was mined in, for one found on chain; null: pending. */
  readonly blockNumber?: number | null;
}

/** A receipt the run waited for: the engine's view, the price paid, and the node's own JSON (logs included) for front-ends. */
export interface ChainReceipt extends MinedReceipt {
  readonly effectiveGasPrice: bigint;
  readonly raw: RpcReceipt & Readonly<Record<string, unknown>>;
}

/** An eth_getTransactionByHash result (the fields the engine reads). */
export interface RpcTransaction {
  readonly hash: string;
  readonly from: string;
  readonly to?: string | null;
  readonly nonce: string;
  readonly input?: string;
  readonly data?: string;
  readonly value?: string;
  readonly gas?: string;
  readonly gasPrice?: string;
  readonly maxFeePerGas?: string;
  readonly maxPriorityFeePerGas?: string;
  readonly chainId?: string;
  readonly blockNumber?: string | null;
}

/** An eth_getTransactionByHash result as a SentTransaction. */
export function transactionFromRpc(raw: RpcTransaction): SentTransaction {
  const big = (value: string | undefined | null) => (value === undefined || value === null ? undefined : BigInt(value));
  const optional = { gas: big(raw.gas), gasPrice: big(raw.gasPrice), maxFeePerGas: big(raw.maxFeePerGas), maxPriorityFeePerGas: big(raw.maxPriorityFeePerGas), chainId: big(raw.chainId) };
  return {
    hash: raw.hash,
    from: raw.from,
    to: raw.to ?? null,
    nonce: Number(BigInt(raw.nonce)),
    data: raw.input ?? raw.data ?? "0x",
    value: big(raw.value) ?? 0n,
    blockNumber: raw.blockNumber === undefined || raw.blockNumber === null ? null : Number(BigInt(raw.blockNumber)),
    ...(Object.fromEntries(Object.entries(optional).filter(([, value]) => value !== undefined)) as Partial<SentTransaction>),
  };
}

/**
 * An eth_getTransactionReceipt result as a ChainReceipt: addresses checksummed (as the registry,
 * the journal and the output show them), the price paid (effectiveGasPrice, else the legacy gasPrice).
 */
export function chainReceipt(raw: ChainReceipt["raw"]): ChainReceipt {
  const price = (raw.effectiveGasPrice ?? raw.gasPrice ?? "0x0") as string;
  const receipt = receiptFromRpc(raw);
  return {
    ...receipt,
    from: checksumAddress(receipt.from),
    contractAddress: receipt.contractAddress === null ? null : checksumAddress(receipt.contractAddress),
    effectiveGasPrice: BigInt(price),
    raw,
  };
}
