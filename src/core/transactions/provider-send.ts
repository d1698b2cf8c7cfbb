import { toQuantity } from "../eth/index.js";
import type { Eip1193Provider } from "../provider.js";
import type { PlainTransaction } from "./plain-transaction.js";

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

/** The JSON-RPC request of `tx` from `from` with `nonce`, gas and fees from `fees` where `tx` has none. */
export function rpcRequest(tx: PlainTransaction, from: string, to: string | null, nonce: number, fees: DevChainFees | undefined): Record<string, unknown> {
  const hasFees = tx.gasPrice !== undefined || tx.maxFeePerGas !== undefined || tx.maxPriorityFeePerGas !== undefined;
  const request: Record<string, unknown> = {
    from,
    ...(to !== null ? { to } : {}),
    ...(tx.data !== undefined ? { data: tx.data } : {}),
    ...(tx.value !== undefined ? { value: toQuantity(tx.value) } : {}),
    nonce: toQuantity(nonce),
    ...(tx.accessList !== undefined ? { accessList: tx.accessList } : {}),
  };
  const gas = tx.gas ?? fees?.gas;
  if (gas !== undefined) {
    request.gas = toQuantity(gas);
  }
  const feeSource: Partial<Record<"gasPrice" | "maxFeePerGas" | "maxPriorityFeePerGas", bigint>> = hasFees ? tx : (fees ?? {});
  for (const key of ["gasPrice", "maxFeePerGas", "maxPriorityFeePerGas"] as const) {
    const value = feeSource[key];
    if (value !== undefined) {
      request[key] = toQuantity(value);
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
