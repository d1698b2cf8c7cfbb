import { MigrationsError } from "./errors.js";
import type { InterruptedMigration, Journal } from "./journal/journal.js";
import type { MigrateOptions } from "./migrate-options.js";
import type { MigrationFile } from "./migration-file.js";
import { planSelected } from "./migration-selection.js";
import { forgetProposals } from "./safe/migration-safe.js";
import { openJournal, openStateStore, openTransactionLayer, type MigrationHost, type Session } from "./session.js";
import { MIGRATOR_STEP_ID } from "./stores/lazy-migrator-state-store.js";
import type { MigrationStateStore } from "./stores/state-store.js";
import type { TransactionLayer } from "./transactions/migration-sender.js";

/** A run's open resources: its store and completed set, journal, transaction layer, unfinished work. */
export interface OpenRun {
  readonly store: MigrationStateStore;
  completed: Set<number>;
  readonly journal: Journal | undefined;
  readonly layer: TransactionLayer;
  /** Migrations an earlier run started and did not finish (from the journal). */
  readonly interrupted: Map<number, InterruptedMigration>;
}

/**
 * Opens the journal, the transaction layer and the store, then reconciles what an interrupted run
 * left: a migration recorded just before the process died gets its missing journal line.
 */
export async function openRun<ContextT>(host: MigrationHost<ContextT>, session: Session, options: MigrateOptions): Promise<OpenRun> {
  const readOnly = options.dryRun === true;
  const journal = await openJournal(host, session, { readOnly });
  const layer = openTransactionLayer(host, journal, { emit: session.emit, signal: options.signal });
  const { store, completed } = await openStateStore(host, session, { readOnly, layer });
  const interrupted = journal?.interrupted() ?? new Map<number, InterruptedMigration>();
  interrupted.delete(MIGRATOR_STEP_ID);
  if (journal !== undefined && store.remembers) {
    for (const id of interrupted.keys()) {
      if (completed.has(id)) {
        // Recorded just before the process died, after its last journal line.
        await journal.append({ type: "migration-completed", migration: id });
        interrupted.delete(id);
      }
    }
  }
  return { store, completed, journal, layer, interrupted };
}

/** Off dev chains, asks `options.confirm` (when given) before anything is sent. */
export async function confirmRun<ContextT>(host: MigrationHost<ContextT>, session: Session, run: OpenRun, options: MigrateOptions): Promise<void> {
  if (options.dryRun === true || session.chain.isDevChain || options.confirm === undefined) {
    return;
  }
  const reset = options.reset === true;
  const { selected: toRun } = await planSelected(host, session.migrations, reset ? new Set() : run.completed, options);
  if (toRun.length === 0 && !reset) {
    return;
  }
  const what = describeRun(host, toRun, run.store, reset);
  if (!(await options.confirm({ network: host.networkName, chainId: session.chain.chainId, what }))) {
    throw new MigrationsError("CONFIRMATION_DECLINED", { network: host.networkName });
  }
}

function describeRun<ContextT>(host: MigrationHost<ContextT>, toRun: readonly MigrationFile[], store: MigrationStateStore, reset: boolean): string {
  const list = toRun.map((m) => m.fileName).join(", ");
  return (
    (reset ? "reset the record and " : "") +
    (store.undeployed === true && toRun.length > 0 ? "deploy a Migrator, then " : "") +
    `run ${toRun.length} migration(s)${toRun.length > 0 ? ` (${list})` : ""} on ${host.networkName}`
  );
}

/**
 * `--reset`: abandons what interrupted runs left, then starts a clean record after saying what
 * that does (off dev chains, only if confirmed with `confirmReset`).
 */
export async function resetRecord<ContextT>(host: MigrationHost<ContextT>, session: Session, run: OpenRun, options: MigrateOptions): Promise<void> {
  for (const id of [...run.interrupted.keys()]) {
    // A reset runs everything anew: nothing of an interrupted run is reused.
    await run.journal?.append({ type: "migration-force-cleaned", migration: id });
    run.interrupted.delete(id);
  }
  const { store } = run;
  const count = session.migrations.length;
  const what =
    store.undeployed === true || !store.remembers
      ? `run all ${count} migration(s) on ${host.networkName}`
      : store.kind === "chain"
        ? `deploy a new Migrator on ${host.networkName} (the current record, ${store.description}, stays on chain but is no longer used) and run all ${count} migration(s) again, deploying their contracts anew`
        : `clear the record in ${store.description} and run all ${count} migration(s) again, deploying their contracts anew`;
  if (!session.chain.isDevChain && options.confirmReset !== true) {
    throw new MigrationsError("RESET_NEEDS_CONFIRMATION", { network: host.networkName, what });
  }
  session.emit({ type: "notice", message: `Reset: this will ${what}.` });
  run.completed = new Set();
  const forgotten = options.dryRun === true ? 0 : await forgetProposals(host.workspace.safeProposals);
  if (forgotten > 0) {
    session.emit({ type: "notice", message: `Reset: forgot ${forgotten} Safe proposal(s) awaiting approval; have the Safe's owners reject them.` });
  }
  if (options.dryRun === true || !store.remembers) {
    return;
  }
  if (store.reset !== undefined) {
    await store.reset();
    return;
  }
  for (const id of await store.completed()) {
    await store.unrecord(id);
  }
}
