import { getAddress } from "ethers";

import type { Eip1193Provider } from "../provider.js";
import { logsInParts } from "./logs-in-parts.js";
import { EXECUTION_FAILURE_TOPIC, EXECUTION_SUCCESS_TOPIC, SAFE_ABI, type SafeTransaction } from "./safe-transaction.js";

/** What the plugin reads of a Safe before proposing. */
export interface SafeState {
  readonly address: string;
  readonly version: string;
  readonly nonce: number;
  readonly threshold: number;
  readonly owners: readonly string[];
}

/** A Safe transaction found executed on chain. */
export interface SafeExecutionLog {
  readonly safeTxHash: string;
  readonly success: boolean;
  readonly transactionHash: string;
  readonly blockNumber: number;
}

async function call(provider: Eip1193Provider, to: string, fn: string, args: readonly unknown[] = []): Promise<unknown[]> {
  const data = SAFE_ABI.encodeFunctionData(fn, args);
  const result = (await provider.request({ method: "eth_call", params: [{ to, data }, "latest"] })) as string;
  return [...SAFE_ABI.decodeFunctionResult(fn, result)];
}

/**
 * Reads the Safe at `address`: version, nonce, threshold and owners. Throws (with the node's or
 * the decoder's message) when there is no contract or it does not answer as a Safe does.
 */
export async function readSafe(provider: Eip1193Provider, address: string): Promise<SafeState> {
  const code = (await provider.request({ method: "eth_getCode", params: [address, "latest"] })) as string;
  if (code === "0x" || code === "") {
    throw new Error("it has no code");
  }
  const [[version], [nonce], [threshold], [owners]] = await Promise.all([
    call(provider, address, "VERSION"),
    call(provider, address, "nonce"),
    call(provider, address, "getThreshold"),
    call(provider, address, "getOwners"),
  ]);
  return {
    address: getAddress(address),
    version: String(version),
    nonce: Number(nonce as bigint),
    threshold: Number(threshold as bigint),
    owners: [...(owners as string[])].map((owner) => getAddress(owner)),
  };
}

/** The Safe's current nonce (the next Safe transaction it will execute). */
export async function safeNonce(provider: Eip1193Provider, address: string): Promise<number> {
  const [nonce] = await call(provider, address, "nonce");
  return Number(nonce as bigint);
}

/** The hash the Safe contract itself computes for `tx` (`getTransactionHash`). */
export async function onChainSafeTransactionHash(provider: Eip1193Provider, address: string, tx: SafeTransaction): Promise<string> {
  const [hash] = await call(provider, address, "getTransactionHash", [
    tx.to,
    tx.value,
    tx.data,
    tx.operation,
    tx.safeTxGas,
    tx.baseGas,
    tx.gasPrice,
    tx.gasToken,
    tx.refundReceiver,
    tx.nonce,
  ]);
  return String(hash);
}

/**
 * The Safe's `ExecutionSuccess` / `ExecutionFailure` events from `fromBlock` on whose Safe
 * transaction hash is one of `hashes` (Safe 1.4 indexes the hash, 1.3 puts it in the data: both
 * are read; a range the node refuses is read in parts). The first found wins: a Safe transaction
 * executes at most once (its nonce).
 */
export async function findExecution(
  provider: Eip1193Provider,
  safe: string,
  hashes: readonly string[],
  fromBlock: number,
): Promise<SafeExecutionLog | undefined> {
  const wanted = new Set(hashes.map((hash) => hash.toLowerCase()));
  const logs = await logsInParts(provider, { address: safe, topics: [[EXECUTION_SUCCESS_TOPIC, EXECUTION_FAILURE_TOPIC]] }, fromBlock);
  for (const log of logs) {
    const safeTxHash = (log.topics[1] ?? `0x${log.data.slice(2, 66)}`).toLowerCase();
    if (wanted.has(safeTxHash)) {
      return {
        safeTxHash,
        success: log.topics[0]!.toLowerCase() === EXECUTION_SUCCESS_TOPIC.toLowerCase(),
        transactionHash: log.transactionHash,
        blockNumber: Number(BigInt(log.blockNumber)),
      };
    }
  }
  return undefined;
}

/** The hash of block `number` (`undefined` when the node does not have it), or of the head when `number` is "latest". */
export async function blockAt(provider: Eip1193Provider, number: number | "latest"): Promise<{ readonly number: number; readonly hash: string } | undefined> {
  const tag = number === "latest" ? number : `0x${number.toString(16)}`;
  const block = (await provider.request({ method: "eth_getBlockByNumber", params: [tag, false] })) as { number: string; hash: string } | null;
  return block === null ? undefined : { number: Number(BigInt(block.number)), hash: block.hash };
}
