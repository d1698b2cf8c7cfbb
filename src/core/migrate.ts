import type { MigrationsError } from "./errors.js";
import type { MigrationEventListener } from "./events.js";
import type { MigrateOptions } from "./migrate-options.js";
import { planUp } from "./planner.js";
import type { MigrateResult, MigrationRunResult } from "./results.js";
import type { MigrationFile } from "./migration-file.js";
import { openSession, withRunLock, type MigrationHost, type Session } from "./session.js";
import { confirmRun, openRun, resetRecord, type OpenRun } from "./migrate-run.js";
import { RollbackPoints, runMigration } from "./migrate-step.js";

export type { MigrationHost } from "./session.js";
export type { ConfirmationRequest, MigrateOptions } from "./migrate-options.js";

/** A failed run: the error says which migration failed and how; `result` has what completed. */
export interface MigrationFailure extends MigrationsError {
  readonly result: MigrateResult;
  readonly rolledBack: boolean;
}

/**
 * Runs every pending migration in order on the host's network, recording each in the state
 * store once all its transactions are mined. A failing migration stops the run: on dev chains it
 * is rolled back (chain state and registry entries) first; it is never recorded.
 */
export async function migrate<ContextT>(host: MigrationHost<ContextT>, options: MigrateOptions = {}): Promise<MigrateResult> {
  const started = performance.now();
  const emit: MigrationEventListener = options.onEvent ?? (() => {});
  const dryRun = options.dryRun === true;
  return withRunLock(
    host,
    async () => migrateLocked(host, await openSession(host, emit, { readOnly: dryRun }), options, started),
    { lock: !dryRun },
  );
}

/**
 * The phases of one run, holding the lock: open (store, journal, what an interrupted run left),
 * confirm, reset, plan, then — unless it is a dry run — prepare the store and run each pending
 * migration.
 */
async function migrateLocked<ContextT>(
  host: MigrationHost<ContextT>,
  session: Session,
  options: MigrateOptions,
  started: number,
): Promise<MigrateResult> {
  const run = await openRun(host, session, options);
  await confirmRun(host, session, run, options);
  if (options.reset === true) {
    await resetRecord(host, session, run, options);
  }
  const pending = announcePlan(session, run, options);
  const outcome = new RunOutcome(session, run, pending, options, started);
  if (options.dryRun === true) {
    return outcome.finish();
  }

  if (pending.length > 0) {
    await options.beforeSend?.();
    outcome.migratorDeployment = await run.store.prepare?.();
  }
  const rollback = new RollbackPoints(host, session, options.rollback ?? true);
  await rollback.load();
  for (const migration of pending) {
    outcome.runs.push(await runMigration(host, session, run, rollback, migration, () => outcome.result()));
  }
  return outcome.finish();
}

/** Emits what the run will do (the plan event) and returns the migrations to run, in order. */
function announcePlan(session: Session, run: OpenRun, options: MigrateOptions): MigrationFile[] {
  const { store, completed } = run;
  if (!store.remembers) {
    session.emit({ type: "notice", message: "The state store is \"none\": every migration runs and nothing is recorded." });
  }
  const pending = planUp(session.migrations, completed, options);
  session.emit({
    type: "plan",
    network: session.network,
    pending,
    completed: completed.size,
    store: store.undeployed === true ? "Migrator (to be deployed)" : store.description,
    dryRun: options.dryRun === true,
  });
  return pending;
}

/** What the run did so far, as a `MigrateResult` (also attached to a failure). */
class RunOutcome {
  readonly runs: MigrationRunResult[] = [];
  migratorDeployment: MigrateResult["migratorDeployment"];

  constructor(
    private readonly session: Session,
    private readonly run: OpenRun,
    private readonly pending: readonly MigrationFile[],
    private readonly options: MigrateOptions,
    private readonly started: number,
  ) {}

  result(): MigrateResult {
    const { runs, migratorDeployment, session } = this;
    const gasUsed = runs.reduce((sum, r) => sum + r.gasUsed + r.recordGasUsed, 0n) + (migratorDeployment?.gasUsed ?? 0n);
    return {
      network: session.network,
      store: this.run.store.description,
      registry: session.registry.storage.location,
      migrations: runs,
      deployments: runs.flatMap((r) => r.deployments),
      ...(migratorDeployment !== undefined ? { migratorDeployment } : {}),
      ...(this.options.dryRun === true ? { planned: this.pending.map((m) => ({ id: m.id, fileName: m.fileName })) } : {}),
      gasUsed,
      durationMs: performance.now() - this.started,
    };
  }

  finish(): MigrateResult {
    const final = this.result();
    this.session.emit({ type: "finished", result: final });
    return final;
  }
}
