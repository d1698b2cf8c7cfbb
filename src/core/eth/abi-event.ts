import * as AbiEvent from "ox/AbiEvent";
import * as AbiItem from "ox/AbiItem";

import { type AbiEntry, type AbiInput, abiEntries, requireEntry } from "./abi.js";
import { normalize } from "./abi-parameters.js";
import type { HexString } from "./hex.js";

/** A log as eth_getLogs and receipts return it (only what decoding needs). */
export interface RpcLog {
  readonly topics: readonly string[];
  readonly data: string;
}

/** topic0 of `event` ("Transfer", or its signature): keccak256 of its signature. */
export function eventTopic(abi: AbiInput, event: string): HexString {
  return AbiItem.getSignatureHash(requireEntry(abi, "event", event) as AbiItem.AbiItem);
}

/**
 * The event of `abi` that emitted `log` and its arguments in declaration order (shaped as
 * decodeParameters shapes values; an indexed string, bytes, array or tuple is its topic hash);
 * undefined when no non-anonymous event of the ABI has the log's topic0.
 */
export function decodeEventLog(abi: AbiInput, log: RpcLog): { name: string; args: unknown[] } | undefined {
  const topic = log.topics[0]?.toLowerCase();
  const event = abiEntries(abi).find((entry) => entry.type === "event" && entry.anonymous !== true && hashOf(entry) === topic);
  if (event === undefined) {
    return undefined;
  }
  const decoded = AbiEvent.decode(event as AbiEvent.AbiEvent, { topics: log.topics as HexString[], data: log.data as HexString }) as
    | readonly unknown[]
    | Record<string, unknown>
    | undefined;
  const inputs = event.inputs ?? [];
  const args = inputs.map((input, i) => {
    const value = Array.isArray(decoded) ? (decoded as unknown[])[i] : (decoded as Record<string, unknown> | undefined)?.[input.name ?? ""];
    return input.indexed === true && isHashedWhenIndexed(input.type) ? value : normalize(input, value);
  });
  return { name: event.name!, args };
}

const hashes = new WeakMap<AbiEntry, string>();

function hashOf(entry: AbiEntry): string {
  let hash = hashes.get(entry);
  if (hash === undefined) {
    hash = AbiItem.getSignatureHash(entry as AbiItem.AbiItem).toLowerCase();
    hashes.set(entry, hash);
  }
  return hash;
}

function isHashedWhenIndexed(type: string): boolean {
  return type === "string" || type === "bytes" || type === "tuple" || type.endsWith("]");
}
