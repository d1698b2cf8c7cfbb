import type { MigrationEventListener } from "./events.js";
import type { MigrationFile } from "./migration-file.js";
import { openSession, openStateStore, type MigrationHost } from "./session.js";
import type { MigrationRecord } from "./stores/state-store.js";

/**
 * - `up`: completed, and the file is the one that ran (or the store keeps no hash);
 * - `changed`: completed, but the file's content hash differs from the recorded one;
 * - `pending`: not completed;
 * - `missing file`: recorded as completed, but no file has its id.
 */
export type MigrationState = "up" | "pending" | "changed" | "missing file";

export interface StatusRow {
  readonly id: number;
  /** The file name; absent for `missing file`. */
  readonly fileName?: string;
  readonly state: MigrationState;
  readonly recordedContentHash?: string;
  readonly transactionHash?: string;
  readonly blockNumber?: number;
  readonly recordedAt?: string;
}

export interface StatusReport {
  readonly network: { readonly name: string; readonly chainId: number };
  readonly store: string;
  readonly rows: readonly StatusRow[];
}

/** One row per migration, file or record, ordered by id. Pure. */
export function statusRows(files: readonly MigrationFile[], records: readonly MigrationRecord[]): StatusRow[] {
  const recorded = new Map(records.map((r) => [r.id, r]));
  const rows: StatusRow[] = [];
  for (const file of files) {
    const record = recorded.get(file.id);
    if (record === undefined) {
      rows.push({ id: file.id, fileName: file.fileName, state: "pending" });
      continue;
    }
    const changed = record.contentHash !== undefined && record.contentHash.toLowerCase() !== file.contentHash.toLowerCase();
    rows.push({ ...details(record), id: file.id, fileName: file.fileName, state: changed ? "changed" : "up" });
  }
  const fileIds = new Set(files.map((f) => f.id));
  for (const record of records) {
    if (!fileIds.has(record.id)) {
      rows.push({ ...details(record), id: record.id, state: "missing file" });
    }
  }
  return rows.sort((a, b) => a.id - b.id);
}

function details(record: MigrationRecord): Omit<StatusRow, "id" | "state" | "fileName"> {
  return {
    ...(record.contentHash !== undefined ? { recordedContentHash: record.contentHash } : {}),
    ...(record.transactionHash !== undefined ? { transactionHash: record.transactionHash } : {}),
    ...(record.blockNumber !== undefined ? { blockNumber: record.blockNumber } : {}),
    ...(record.recordedAt !== undefined ? { recordedAt: record.recordedAt } : {}),
  };
}

/** Reads the state of every migration on the host's network; sends nothing. */
export async function migrationStatus<ContextT>(
  host: MigrationHost<ContextT>,
  onEvent: MigrationEventListener = () => {},
): Promise<StatusReport> {
  const session = await openSession(host, onEvent, { readOnly: true });
  const { store, completed } = await openStateStore(host, session, { readOnly: true });
  const records = store === undefined ? [] : await store.records(completed);
  return {
    network: session.network,
    store: store?.description ?? "Migrator (not deployed yet)",
    rows: statusRows(session.migrations, records),
  };
}
