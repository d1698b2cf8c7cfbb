import { toQuantity } from "../eth/index.js";
import type { Eip1193Provider } from "../provider.js";

/**
 * Gas and fee fields for transactions on a dev chain, read once per run: with them, Hardhat's
 * request handlers add no `eth_estimateGas` and no `eth_feeHistory` before each send.
 */
export interface DevChainFees {
  readonly gas: bigint;
  readonly maxFeePerGas?: bigint;
  readonly maxPriorityFeePerGas?: bigint;
  readonly gasPrice?: bigint;
}

/** EIP-7825's cap on one transaction's gas (Osaka): never ask for more, even if a block allows it. */
const TRANSACTION_GAS_CAP = 1n << 24n;
const PRIORITY_FEE = 1_000_000_000n;

/**
 * The latest block's gas limit (capped) and twice its base fee plus a tip: on an automining dev
 * chain blocks hold one transaction each, so the base fee only falls and the fee stays valid.
 * Without a base fee (a pre-London chain), the node's gas price.
 */
export async function readDevChainFees(provider: Eip1193Provider): Promise<DevChainFees> {
  const block = (await provider.request({ method: "eth_getBlockByNumber", params: ["latest", false] })) as { gasLimit: string; baseFeePerGas?: string | null };
  const limit = BigInt(block.gasLimit);
  const gas = limit < TRANSACTION_GAS_CAP ? limit : TRANSACTION_GAS_CAP;
  if (block.baseFeePerGas !== undefined && block.baseFeePerGas !== null) {
    return { gas, maxFeePerGas: BigInt(block.baseFeePerGas) * 2n + PRIORITY_FEE, maxPriorityFeePerGas: PRIORITY_FEE };
  }
  return { gas, gasPrice: BigInt((await provider.request({ method: "eth_gasPrice" })) as string) };
}

type Quantity = bigint | number | string | null;

/** The fields of a transaction request the raw path sends (an ethers `TransactionRequest` has them). */
export interface RequestFields {
  /** Not read: `rpcRequest` is given the resolved target. */
  readonly to?: unknown;
  readonly data?: string | null;
  readonly value?: Quantity;
  readonly gasLimit?: Quantity;
  readonly gasPrice?: Quantity;
  readonly maxFeePerGas?: Quantity;
  readonly maxPriorityFeePerGas?: Quantity;
}

/** The JSON-RPC request of `tx` from `from` with `nonce`, gas and fees from `fees` where `tx` has none. */
export function rpcRequest(tx: RequestFields, from: string, to: string | null, nonce: number, fees: DevChainFees | undefined): Record<string, string> {
  const quantity = (value: unknown) => toQuantity(value as bigint | number | string);
  const given = (value: unknown) => value !== undefined && value !== null;
  const hasFees = given(tx.gasPrice) || given(tx.maxFeePerGas) || given(tx.maxPriorityFeePerGas);
  const request: Record<string, string> = {
    from,
    ...(to !== null ? { to } : {}),
    ...(given(tx.data) ? { data: tx.data! } : {}),
    ...(given(tx.value) ? { value: quantity(tx.value) } : {}),
    nonce: quantity(nonce),
  };
  if (given(tx.gasLimit)) {
    request.gas = quantity(tx.gasLimit);
  } else if (fees !== undefined) {
    request.gas = quantity(fees.gas);
  }
  if (hasFees) {
    for (const key of ["gasPrice", "maxFeePerGas", "maxPriorityFeePerGas"] as const) {
      if (given(tx[key])) {
        request[key] = quantity(tx[key]);
      }
    }
  } else if (fees !== undefined) {
    for (const key of ["gasPrice", "maxFeePerGas", "maxPriorityFeePerGas"] as const) {
      if (fees[key] !== undefined) {
        request[key] = quantity(fees[key]);
      }
    }
  }
  return request;
}

/**
 * A node's refusal of a request before it reached the pool (fees under the base fee, a balance
 * short of gas × fee): nothing was mined, so the same transaction can be sent again without the
 * dev-chain gas and fee fields. A revert is not one (the node mined it).
 */
export function isRejectedForFees(error: unknown): boolean {
  const message = error instanceof Error ? error.message : String(error);
  return !/revert/i.test(message) && /base fee|fee cap|feecap|insufficient funds|gas limit|underpriced|intrinsic gas/i.test(message);
}
