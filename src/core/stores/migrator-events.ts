import { MIGRATOR_ARTIFACT } from "../../generated/migrator-artifact.js";

import { eventTopic } from "../eth/abi-event.js";
import { encodeFunctionCall } from "../eth/abi-function.js";
import { ZERO_HASH } from "../eth/hex.js";

import { MigrationsError } from "../errors.js";
import { logsInParts } from "../logs-in-parts.js";
import { type Eip1193Provider, headBlock } from "../provider.js";
import type { MigratorBaseline } from "../registry/registry-document.js";

/** The shipped Migrator's ABI (design 2). */
export const MIGRATOR_ABI: readonly unknown[] = MIGRATOR_ARTIFACT.abi;
export const COMPLETED_TOPIC = eventTopic(MIGRATOR_ABI, "MigrationCompleted");
export const UNRECORDED_TOPIC = eventTopic(MIGRATOR_ABI, "MigrationUnrecorded");
/** Call data of the Migrator's `version()`. */
export const VERSION_CALL = encodeFunctionCall(MIGRATOR_ABI, "version");

/** One change to a Migrator's record, from its event. */
export interface RecordEvent {
  readonly id: number;
  /** `undefined` for an unrecord. */
  readonly contentHash?: string;
  /** Absent for a change copied from another chain (a baseline). */
  readonly transactionHash?: string;
  readonly blockNumber?: number;
}

/**
 * The record changes of the Migrator at `address` in blocks `fromBlock`..`toBlock`, oldest first.
 * A node that refuses the range (providers limit eth_getLogs by blocks or by results) gets it in
 * halves, both halves asked at once, until each part is served; `toBlock` "latest" is resolved to
 * a number only then. Events are read straight from topics and data (a generic ABI log decoder
 * costs more than the rest of `status` for a thousand).
 */
export async function readRecordEvents(provider: Eip1193Provider, address: string, fromBlock: number, toBlock: number | "latest"): Promise<RecordEvent[]> {
  const logs = await logsInParts(provider, { address, topics: [[COMPLETED_TOPIC, UNRECORDED_TOPIC]] }, fromBlock, toBlock === "latest" ? undefined : toBlock);
  logs.sort((a, b) => Number(BigInt(a.blockNumber) - BigInt(b.blockNumber)) || Number(BigInt(a.logIndex) - BigInt(b.logIndex)));
  const events: RecordEvent[] = [];
  for (const log of logs) {
    const id = log.topics.length === 2 ? Number(BigInt(log.topics[1]!)) : undefined;
    if (id === undefined) {
      continue;
    }
    const base = { id, transactionHash: log.transactionHash, blockNumber: Number(BigInt(log.blockNumber)) };
    events.push(log.topics[0]!.toLowerCase() === COMPLETED_TOPIC ? { ...base, contentHash: log.data.slice(0, 66).toLowerCase() } : base);
  }
  return events;
}

/**
 * The record of a version-2 Migrator: its version and every change, read at once (one round trip);
 * the number of events must equal the version, or the node withheld some (then once more, in
 * pieces, before giving up with MIGRATOR_LOGS_INCOMPLETE rather than report a wrong set).
 */
export async function readRecord(
  provider: Eip1193Provider,
  address: string,
  fromBlock: number,
  from: string | undefined,
  baseline?: MigratorBaseline,
): Promise<{ version: bigint; events: RecordEvent[] }> {
  const copied: RecordEvent[] = (baseline?.records ?? []).map((r) => ({ id: r.id, contentHash: r.contentHash ?? ZERO_HASH }));
  // The baseline stands for `baseline.version` changes whose events are on another chain.
  const before = BigInt(baseline?.version ?? 0);
  const versionCall = VERSION_CALL;
  const call = () => provider.request({ method: "eth_call", params: [{ ...(from !== undefined ? { from } : {}), to: address, data: versionCall }, "latest"] }) as Promise<string>;
  const [rawVersion, events] = await Promise.all([call(), readRecordEvents(provider, address, fromBlock, "latest")]);
  const version = BigInt(rawVersion);
  if (before + BigInt(events.length) === version) {
    return { version, events: [...copied, ...events] };
  }
  // A record landed between the two reads, or the node truncated the logs: read both up to one block.
  const head = await headBlock(provider);
  const pinned = (await provider.request({ method: "eth_call", params: [{ ...(from !== undefined ? { from } : {}), to: address, data: versionCall }, quantity(head)] })) as string;
  const pinnedVersion = BigInt(pinned);
  const pieces = splitRange(fromBlock, head, 8);
  const parts = await Promise.all(pieces.map(([a, b]) => readRecordEvents(provider, address, a, b)));
  const all = parts.flat();
  if (before + BigInt(all.length) !== pinnedVersion) {
    throw new MigrationsError("MIGRATOR_LOGS_INCOMPLETE", { address, version: (pinnedVersion - before).toString(), found: all.length, fromBlock, toBlock: head });
  }
  return { version: pinnedVersion, events: [...copied, ...all] };
}

/** The completed set the events leave: each id recorded and not unrecorded since. */
export function completedOf(events: readonly RecordEvent[]): Set<number> {
  const set = new Set<number>();
  for (const event of events) {
    if (event.contentHash === undefined) {
      set.delete(event.id);
    } else {
      set.add(event.id);
    }
  }
  return set;
}

function splitRange(from: number, to: number, parts: number): Array<[number, number]> {
  const size = Math.max(1, Math.ceil((to - from + 1) / parts));
  const ranges: Array<[number, number]> = [];
  for (let start = from; start <= to; start += size) {
    ranges.push([start, Math.min(to, start + size - 1)]);
  }
  return ranges;
}

function quantity(n: number): string {
  return `0x${n.toString(16)}`;
}
