import { checksumAddress, decodeFunctionResult, decodeParameters, encodeFunctionCall, functionSelector, requireEntry } from "../eth/index.js";
import type { Eip1193Provider } from "../provider.js";
import { logsInParts } from "../logs-in-parts.js";
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
  const data = encodeFunctionCall(SAFE_ABI, fn, args);
  const result = (await provider.request({ method: "eth_call", params: [{ to, data }, "latest"] })) as string;
  return decodeFunctionResult(SAFE_ABI, fn, result);
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
    address: checksumAddress(address),
    version: String(version),
    nonce: Number(nonce as bigint),
    threshold: Number(threshold as bigint),
    owners: [...(owners as string[])].map((owner) => checksumAddress(owner)),
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
    BigInt(tx.value),
    tx.data,
    tx.operation,
    BigInt(tx.safeTxGas),
    BigInt(tx.baseGas),
    BigInt(tx.gasPrice),
    tx.gasToken,
    tx.refundReceiver,
    BigInt(tx.nonce),
  ]);
  return String(hash);
}

/**
 * The Safe's `ExecutionSuccess` / `ExecutionFailure` events from `fromBlock` on, oldest first
 * (Safe 1.4 indexes the hash, 1.3 puts it in the data: both are read; a range the node refuses is
 * read in parts).
 */
export async function executionLogs(provider: Eip1193Provider, safe: string, fromBlock: number): Promise<SafeExecutionLog[]> {
  const logs = await logsInParts(provider, { address: safe, topics: [[EXECUTION_SUCCESS_TOPIC, EXECUTION_FAILURE_TOPIC]] }, fromBlock);
  return logs.map((log) => ({
    safeTxHash: (log.topics[1] ?? `0x${log.data.slice(2, 66)}`).toLowerCase(),
    success: log.topics[0]!.toLowerCase() === EXECUTION_SUCCESS_TOPIC.toLowerCase(),
    transactionHash: log.transactionHash,
    blockNumber: Number(BigInt(log.blockNumber)),
  }));
}

/**
 * The Safe transaction (without its nonce) that transaction `hash` executed, when it called the
 * Safe's `execTransaction` directly (as the Safe app does); `undefined` otherwise (a relayer's
 * contract, a module).
 */
export async function executedTransaction(provider: Eip1193Provider, safe: string, hash: string): Promise<Omit<SafeTransaction, "nonce"> | undefined> {
  const tx = (await provider.request({ method: "eth_getTransactionByHash", params: [hash] })) as { to: string | null; input: string } | null;
  if (tx?.to?.toLowerCase() !== safe.toLowerCase() || !tx.input.toLowerCase().startsWith(functionSelector(SAFE_ABI, "execTransaction"))) {
    return undefined;
  }
  const inputs = requireEntry(SAFE_ABI, "function", "execTransaction").inputs ?? [];
  const [to, value, data, operation, safeTxGas, baseGas, gasPrice, gasToken, refundReceiver] = decodeParameters(inputs, `0x${tx.input.slice(10)}`) as [
    string, bigint, string, bigint, bigint, bigint, bigint, string, string,
  ];
  return {
    to,
    value: value.toString(),
    data,
    operation: Number(operation) === 1 ? 1 : 0,
    safeTxGas: safeTxGas.toString(),
    baseGas: baseGas.toString(),
    gasPrice: gasPrice.toString(),
    gasToken,
    refundReceiver,
  };
}

/** The hash of block `number` (`undefined` when the node does not have it), or of the head when `number` is "latest". */
export async function blockAt(provider: Eip1193Provider, number: number | "latest"): Promise<{ readonly number: number; readonly hash: string } | undefined> {
  const tag = number === "latest" ? number : `0x${number.toString(16)}`;
  const block = (await provider.request({ method: "eth_getBlockByNumber", params: [tag, false] })) as { number: string; hash: string } | null;
  return block === null ? undefined : { number: Number(BigInt(block.number)), hash: block.hash };
}
