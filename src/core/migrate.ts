import { MigrationsError } from "./errors.js";
import type { MigrationEventListener } from "./events.js";
import type { MigrateOptions } from "./migrate-options.js";
import { planSelected, type SkippedMigration } from "./migration-selection.js";
import { checkPendingFiles, reportAccount } from "./preflight.js";
import type { MigrateResult, MigrationRunResult } from "./results.js";
import type { MigrationFile } from "./migration-file.js";
import { openSession, withRunLock, type MigrationHost, type Session } from "./session.js";
import { confirmRun, openRun, resetRecord, type OpenRun } from "./migrate-run.js";
import { RollbackPoints, runMigration } from "./migrate-step.js";
import { refuseDecommissioned } from "./network-migration/decommissioned.js";
import { refuseLostRegistry } from "./registry/lost-registry.js";
import { defaultMigrationTimeoutMs } from "./migration-guard.js";

export type { MigrationHost } from "./session.js";
export type { ConfirmationRequest, MigrateOptions } from "./migrate-options.js";

/** A failed run: the error says which migration failed and how; `result` has what completed. */
export { MigrationRunError as MigrationFailure } from "./migration-run-error.js";

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
  if (options.dryRun !== true) {
    refuseDecommissioned(session, options.allowDecommissioned === true);
  }
  const run = await openRun(host, session, options);
  // Never start over silently on a live network whose registry was lost.
  await refuseLostRegistry(host.provider, session, run.journal, run);
  await confirmRun(host, session, run, options);
  if (options.reset === true) {
    await resetRecord(host, session, run, options);
  }
  const { selected: pending, skipped } = await announcePlan(host, session, run, options);
  const outcome = new RunOutcome(session, run, pending, options, started);
  outcome.skipped = skipped;
  // Off dev chains: the deployer's balance (and the gas price) before, and after.
  const deployer = session.chain.isDevChain ? undefined : await deployerAddress(host, session, options.dryRun === true);
  if (deployer !== undefined && (pending.length > 0 || options.dryRun === true)) {
    await reportAccount(host.provider, deployer, "before", session.emit);
  }
  if (options.dryRun === true) {
    return outcome.finish();
  }

  if (pending.length > 0) {
    await options.beforeSend?.();
    await checkPendingFiles(pending, (url) => host.scripts.importModule(url));
    outcome.migratorDeployment = await run.store.prepare?.();
  }
  const rollback = new RollbackPoints(host, session, options.rollback ?? true);
  const timeoutMs = options.migrationTimeoutMs ?? defaultMigrationTimeoutMs(session.chain.isDevChain);
  await rollback.load();
  for (const migration of pending) {
    if (options.signal?.aborted === true) {
      throw Object.assign(new MigrationsError("INTERRUPTED", { where: `before ${migration.fileName}` }), { result: outcome.result(), rolledBack: false });
    }
    outcome.runs.push(await runMigration(host, session, run, rollback, migration, () => outcome.result(), timeoutMs));
    await options.afterMigration?.(migration, session.registry);
  }
  if (deployer !== undefined && pending.length > 0) {
    await reportAccount(host.provider, deployer, "after", session.emit);
  }
  return outcome.finish();
}

/**
 * The deployer's address for the balance report. A dry run reads no secret: it takes the address
 * only when the host knows it without the key (configured as an address, a node account), and
 * otherwise says that the balance was not checked.
 */
async function deployerAddress<ContextT>(host: MigrationHost<ContextT>, session: Session, dryRun: boolean): Promise<string | undefined> {
  if (!dryRun) {
    return session.deployer().then((d) => d.address, () => undefined);
  }
  const known = await host.signers.knownDeployerAddress?.().catch(() => undefined);
  if (known === undefined) {
    session.emit({
      type: "notice",
      message: `The deployer's balance was not checked: its address comes from a key, which a dry run does not read (no keystore password is asked). To see it, name the deployer by its address: migrations.networks.${session.network.name}.accounts.deployer = "0x…".`,
    });
  }
  return known;
}

/** Emits what the run will do (the plan event) and returns the migrations to run, in order. */
async function announcePlan<ContextT>(
  host: MigrationHost<ContextT>,
  session: Session,
  run: OpenRun,
  options: MigrateOptions,
): Promise<{ selected: MigrationFile[]; skipped: SkippedMigration[] }> {
  const { store, completed } = run;
  if (!store.remembers) {
    session.emit({ type: "notice", message: "The state store is \"none\": every migration runs and nothing is recorded." });
  }
  const { selected: pending, skipped } = await planSelected(host, session.migrations, completed, options);
  for (const { migration, reason } of skipped) {
    session.emit({ type: "notice", message: `Skipped ${migration.fileName} on ${session.network.name}: ${reason}. It is not recorded.` });
  }
  const withFile = session.migrations.filter((m) => completed.has(m.id)).length;
  session.emit({
    type: "plan",
    network: session.network,
    pending,
    completed: withFile,
    ...(completed.size > withFile ? { missingFiles: completed.size - withFile } : {}),
    store: store.undeployed === true ? "Migrator (to be deployed)" : store.description,
    dryRun: options.dryRun === true,
  });
  return { selected: pending, skipped };
}

/** What the run did so far, as a `MigrateResult` (also attached to a failure). */
class RunOutcome {
  readonly runs: MigrationRunResult[] = [];
  migratorDeployment: MigrateResult["migratorDeployment"];
  skipped: SkippedMigration[] = [];

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
      ...(this.skipped.length > 0 ? { skipped: this.skipped.map(({ migration, reason }) => ({ id: migration.id, fileName: migration.fileName, reason })) } : {}),
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
