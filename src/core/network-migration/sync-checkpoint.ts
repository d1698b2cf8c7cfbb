import { keccak256 } from "../eth/keccak.js";

import { MigrationsError, describeError } from "../errors.js";
import { readJsonFile, stableStringify, writeFileAtomic } from "../json-file.js";
import type { NetworkPeer } from "../registry/registry-document.js";
import type { AccountState } from "./account-state.js";

export const SYNC_CHECKPOINT_FORMAT = "hardhat-migrations/network-sync@1";

/** What the target holds of one source account: the slots to keep equal, and its last values. */
export interface TrackedAccount {
  readonly names: readonly string[];
  /** Every slot ever seen written (sorted); the cutover verifies each. */
  readonly slots: readonly string[];
  readonly balance: string;
  readonly nonce: number;
  readonly codeHash: string;
}

/**
 * `<registryDir>/<targetChainId>.sync.json`: written by bootstrap, then after every block the sync
 * replays (atomically), so a killed sync resumes at `syncedToBlock + 1`. Replaying a block is
 * idempotent (values are read at that block), so a kill between a block's writes and the
 * checkpoint only repeats that block.
 */
export interface SyncCheckpoint {
  readonly format: typeof SYNC_CHECKPOINT_FORMAT;
  readonly source: NetworkPeer;
  readonly target: NetworkPeer;
  readonly snapshotChecksum: string;
  readonly startedAtBlock: number;
  readonly syncedToBlock: number;
  /** By lower-case address. */
  readonly accounts: Readonly<Record<string, TrackedAccount>>;
}

export function trackedAccount(names: readonly string[], slots: Iterable<string>, state: AccountState): TrackedAccount {
  return { names: [...names].sort(), slots: [...new Set(slots)].sort(), balance: state.balance, nonce: state.nonce, codeHash: keccak256(state.code) };
}

export async function readSyncCheckpoint(file: string): Promise<SyncCheckpoint | undefined> {
  let raw: unknown;
  try {
    raw = await readJsonFile(file);
  } catch (error) {
    throw new MigrationsError("SYNC_CHECKPOINT_INVALID", { file, reason: describeError(error) }, { cause: error });
  }
  if (raw === undefined) {
    return undefined;
  }
  const doc = raw as Partial<SyncCheckpoint>;
  if (doc.format !== SYNC_CHECKPOINT_FORMAT || typeof doc.syncedToBlock !== "number" || doc.source === undefined || doc.target === undefined || typeof doc.accounts !== "object") {
    throw new MigrationsError("SYNC_CHECKPOINT_INVALID", { file, reason: `it is not a "${SYNC_CHECKPOINT_FORMAT}" document` });
  }
  return doc as SyncCheckpoint;
}

export function writeSyncCheckpoint(file: string, checkpoint: SyncCheckpoint): Promise<void> {
  return writeFileAtomic(file, stableStringify(checkpoint));
}
