import { keccak256Utf8 } from "../eth/keccak.js";

import { MigrationsError } from "../errors.js";
import { readJsonFile, stableStringify } from "../json-file.js";
import { registryShapeError, type RegistryDocument } from "../registry/registry-document.js";
import type { MigrationRecord } from "../stores/state-store.js";

export const SNAPSHOT_FORMAT = "hardhat-migrations/network-snapshot@1";

/** One registered contract's account, as it was at the snapshot's block. */
export interface SnapshotAccount {
  /** The registry names at this address (`Token`, `Token@history`, `Migrator`). */
  readonly names: readonly string[];
  readonly code: string;
  /** Wei, 0x-hex. */
  readonly balance: string;
  readonly nonce: number;
  /** Every non-zero storage slot: 32-byte 0x-hex slot => 32-byte 0x-hex value, lower case. */
  readonly storage: Readonly<Record<string, string>>;
}

/** An account that sent transactions (a deployer, a user): its nonce and balance at the block. */
export interface SnapshotSender {
  /** Wei, 0x-hex. */
  readonly balance: string;
  readonly nonce: number;
}

/** How the storage slots were found (see `discoverStorage`). */
export interface SnapshotDiscovery {
  readonly fromBlock: number;
  readonly toBlock: number;
  readonly transactions: number;
  readonly method: "prestateTracer" | "structLogs";
  /** Cross-check findings: a slot's last traced write differs from eth_getStorageAt. */
  readonly warnings: readonly string[];
}

/**
 * The content of a snapshot file: deterministic (stable sorted JSON, no clock time), so one block
 * of one chain always gives the same bytes, and sealed with `checksum`, the keccak256 of the
 * stable JSON of everything else.
 */
export interface NetworkSnapshot {
  readonly format: typeof SNAPSHOT_FORMAT;
  readonly checksum: string;
  readonly source: {
    readonly network: string;
    readonly chainId: number;
    readonly genesisHash: string;
    readonly blockNumber: number;
    readonly blockHash: string;
  };
  /** The source registry as it was at the block. */
  readonly registry: RegistryDocument;
  /** The record of completed migrations at the block, from the source's configured store. */
  readonly record: { readonly store: "chain" | "file" | "none"; readonly migrations: readonly MigrationRecord[] };
  /** By lower-case address. */
  readonly accounts: Readonly<Record<string, SnapshotAccount>>;
  /**
   * Every other account that sent a transaction from the first deployment to the block, by
   * lower-case address: bootstrap gives it the same nonce (and balance), so the deployer's next
   * CREATE address on the new network is not one of the copied contracts'. Absent in snapshots
   * taken before it existed.
   */
  readonly senders?: Readonly<Record<string, SnapshotSender>>;
  readonly discovery: SnapshotDiscovery;
}

export type UnsealedSnapshot = Omit<NetworkSnapshot, "checksum">;

export function snapshotChecksum(content: UnsealedSnapshot | NetworkSnapshot): string {
  const { checksum: _ignored, ...rest } = content as NetworkSnapshot;
  return keccak256Utf8(stableStringify(rest));
}

export function sealSnapshot(content: UnsealedSnapshot): NetworkSnapshot {
  return { ...content, checksum: snapshotChecksum(content) };
}

/** The snapshot file's text: stable JSON. */
export function formatSnapshot(snapshot: NetworkSnapshot): string {
  return stableStringify(snapshot);
}

/** Checks a parsed snapshot's format, shape and checksum. */
export function parseSnapshot(raw: unknown, file: string): NetworkSnapshot {
  const bad = (reason: string) => new MigrationsError("SNAPSHOT_FILE_INVALID", { file, reason });
  const doc = raw as Partial<NetworkSnapshot> | null;
  if (doc === null || typeof doc !== "object" || Array.isArray(doc)) {
    throw bad("it is not a JSON object");
  }
  if (doc.format !== SNAPSHOT_FORMAT) {
    throw bad(`its "format" is ${JSON.stringify(doc.format)}, expected "${SNAPSHOT_FORMAT}"`);
  }
  if (typeof doc.checksum !== "string") {
    throw bad(`it has no "checksum"`);
  }
  const src = doc.source;
  if (src === undefined || typeof src.chainId !== "number" || typeof src.blockNumber !== "number" || typeof src.genesisHash !== "string") {
    throw bad(`its "source" lacks chainId, genesisHash or blockNumber`);
  }
  const registryError = registryShapeError(doc.registry);
  if (registryError !== undefined) {
    throw bad(`its registry is not valid: ${registryError}`);
  }
  if (doc.record === undefined || !Array.isArray(doc.record.migrations)) {
    throw bad(`it has no "record" of migrations`);
  }
  if (doc.accounts === null || typeof doc.accounts !== "object") {
    throw bad(`it has no "accounts"`);
  }
  for (const [address, account] of Object.entries(doc.accounts)) {
    if (!/^0x[0-9a-f]{40}$/.test(address) || typeof account?.code !== "string" || typeof account.storage !== "object") {
      throw bad(`the account ${address} is malformed`);
    }
  }
  for (const [address, sender] of Object.entries(doc.senders ?? {})) {
    if (!/^0x[0-9a-f]{40}$/.test(address) || typeof sender?.balance !== "string" || !Number.isSafeInteger(sender.nonce)) {
      throw bad(`the sender ${address} is malformed`);
    }
  }
  const actual = snapshotChecksum(doc as NetworkSnapshot);
  if (actual !== doc.checksum) {
    throw bad(`its checksum is ${doc.checksum}, but its content hashes to ${actual} (the file was changed after it was written)`);
  }
  return doc as NetworkSnapshot;
}

/** Reads and checks a snapshot file. */
export async function readSnapshotFile(file: string): Promise<NetworkSnapshot> {
  let raw: unknown;
  try {
    raw = await readJsonFile(file);
  } catch (error) {
    throw new MigrationsError("SNAPSHOT_FILE_INVALID", { file, reason: (error as Error).message }, { cause: error });
  }
  if (raw === undefined) {
    throw new MigrationsError("SNAPSHOT_FILE_INVALID", { file, reason: "the file does not exist" });
  }
  return parseSnapshot(raw, file);
}
