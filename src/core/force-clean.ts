import { MigrationsError } from "./errors.js";
import { openJournal, openSession, withRunLock, type MigrationHost } from "./session.js";

export interface ForceCleanResult {
  readonly id: number;
  readonly fileName: string;
  /** Transactions the interrupted run had journaled, which will no longer be reused. */
  readonly transactions: number;
  readonly journal: string;
}

/**
 * `migrate --force-clean <id>`: a human declares an interrupted migration resolved. The journal
 * gets a line saying so (nothing is deleted); the next run starts the migration from scratch.
 */
export async function forceClean<ContextT>(host: MigrationHost<ContextT>, id: number): Promise<ForceCleanResult> {
  return withRunLock(host, async () => {
    const session = await openSession(host, () => {});
    const journal = await openJournal(host, session);
    const attempt = journal?.interrupted().get(id);
    if (journal === undefined || attempt === undefined) {
      throw new MigrationsError("NOT_INTERRUPTED", {
        id,
        network: host.networkName,
        detail: journal === undefined ? " (this network keeps no journal)" : "",
      });
    }
    await journal.append({ type: "migration-force-cleaned", migration: id });
    return { id, fileName: attempt.file, transactions: attempt.steps.size, journal: journal.location };
  });
}
