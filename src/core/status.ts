import type { MigrationEventListener } from "./events.js";
import type { MigrationFile } from "./migration-file.js";
import { selectMigrations, selectionTarget } from "./migration-selection.js";
import type { InterruptedMigration } from "./journal/journal.js";
import { openJournal, openSession, openStateStore, type MigrationHost } from "./session.js";
import { withSafeProposals, type AwaitingApproval } from "./safe/safe-status.js";
import type { MigrationRecord } from "./stores/state-store.js";

/**
 * - `up`: completed, and the file is the one that ran (or the store keeps no hash);
 * - `changed`: completed, but the file's content hash differs from the recorded one;
 * - `pending`: not completed;
 * - `interrupted`: not completed, and a run started it and did not finish (killed, or failed on a
 *   network without rollback): `migrate` resumes it, `migrate --force-clean <id>` abandons it;
 * - `missing file`: recorded as completed, but no file has its id;
 * - `skipped`: not completed, and it does not apply on this network (its `networks` or
 *   `skipNetworks` export): `migrate` leaves it out and does not record it;
 * - `awaiting-approval`: not completed, and it proposed a Safe transaction (`ctx.safe`) that the
 *   Safe's owners have not executed yet (as far as the workspace knows): `migrate` checks the chain.
 */
export type MigrationState = "up" | "pending" | "interrupted" | "changed" | "missing file" | "skipped" | "awaiting-approval";

export interface StatusRow {
  readonly id: number;
  /** The file name; absent for `missing file`. */
  readonly fileName?: string;
  readonly state: MigrationState;
  readonly recordedContentHash?: string;
  readonly transactionHash?: string;
  readonly blockNumber?: number;
  readonly recordedAt?: string;
  /** For `interrupted`: when it started, how many transactions it sent, why it stopped. */
  readonly interrupted?: { readonly startedAt: string; readonly transactions: number; readonly failure?: string };
  /** For `skipped`: why, e.g. "only on dev". */
  readonly skippedBecause?: string;
  /** For `awaiting-approval`: the Safe transaction, and the Transaction Builder file. */
  readonly awaitingApproval?: AwaitingApproval;
}

export interface StatusReport {
  readonly network: { readonly name: string; readonly chainId: number };
  /**
   * `live` or `dev` (rollback with evm_snapshot, no confirmation), and whether the user declared
   * it (`migrations.networks.<name>.live`) or it was detected from the client.
   */
  readonly kind: { readonly live: boolean; readonly source: "config" | "detected"; readonly client?: string };
  readonly store: string;
  readonly rows: readonly StatusRow[];
}

/** One row per migration, file or record, ordered by id. Pure. */
export function statusRows(
  files: readonly MigrationFile[],
  records: readonly MigrationRecord[],
  interrupted: ReadonlyMap<number, InterruptedMigration> = new Map(),
): StatusRow[] {
  const recorded = new Map(records.map((r) => [r.id, r]));
  const rows: StatusRow[] = [];
  for (const file of files) {
    const record = recorded.get(file.id);
    const attempt = interrupted.get(file.id);
    if (record === undefined && attempt !== undefined) {
      rows.push({
        id: file.id,
        fileName: file.fileName,
        state: "interrupted",
        interrupted: {
          startedAt: attempt.startedAt,
          transactions: attempt.steps.size,
          ...(attempt.failure !== undefined ? { failure: attempt.failure } : {}),
        },
      });
      continue;
    }
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
  const [{ store, completed }, journal] = await Promise.all([
    openStateStore(host, session, { readOnly: true }),
    openJournal(host, session, { readOnly: true }),
  ]);
  const records = await store.records(completed);
  const rows = await withSafeProposals(statusRows(session.migrations, records, journal?.interrupted()), host.workspace.safeProposals);
  // A set, not a search of the rows per migration: 10,000 recorded migrations would make that 10^8 steps.
  const pendingIds = new Set(rows.filter((row) => row.state === "pending").map((row) => row.id));
  const pending = session.migrations.filter((m) => pendingIds.has(m.id));
  const { skipped } = await selectMigrations(pending, selectionTarget(host), (url) => host.scripts.importModule(url));
  const why = new Map(skipped.map(({ migration, reason }) => [migration.id, reason]));
  return {
    network: session.network,
    kind: {
      live: !session.chain.isDevChain,
      source: session.chain.kindSource ?? "detected",
      ...(session.chain.clientVersion !== undefined ? { client: session.chain.clientVersion } : {}),
    },
    store: store.undeployed === true ? "Migrator (not deployed yet)" : store.description,
    rows: rows.map((row) => (why.has(row.id) ? { ...row, state: "skipped", skippedBecause: why.get(row.id)! } : row)),
  };
}
