import { MigrationsError, describeError } from "./errors.js";
import type { MigrationEventListener } from "./events.js";
import { executeMigration } from "./executor.js";
import { planUp, type PlanOptions } from "./planner.js";
import type { MigrateResult, MigrationRunResult } from "./results.js";
import { deployMigrator, openSession, openStateStore, type MigrationHost, type Session } from "./session.js";
import { DevChainSnapshots } from "./snapshots.js";
import type { MigrationStateStore } from "./stores/state-store.js";

export type { MigrationHost } from "./session.js";

export interface MigrateOptions extends PlanOptions {
  /** Revert a failed migration on chains with `evm_snapshot` (default true). */
  readonly rollback?: boolean;
  /** Print the plan and send nothing. */
  readonly dryRun?: boolean;
  /** Start from a clean record: every migration runs again. */
  readonly reset?: boolean;
  /** Required for `reset` on networks that are not dev chains. */
  readonly confirmReset?: boolean;
  readonly onEvent?: MigrationEventListener;
  /** Called once before the first pending migration runs, only when one will (the task builds here). */
  readonly beforeSend?: () => Promise<void>;
}

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
  const session = await openSession(host, emit, { readOnly: dryRun });
  let { store, completed } = await openStateStore(host, session, { readOnly: dryRun });

  if (options.reset === true) {
    ({ store, completed } = await resetRecord(host, session, store, options));
  }
  if (store?.remembers === false) {
    emit({ type: "notice", message: "The state store is \"none\": every migration runs and nothing is recorded." });
  }

  const pending = planUp(session.migrations, completed, options);
  emit({
    type: "plan",
    network: session.network,
    pending,
    completed: completed.size,
    store: store?.description ?? "Migrator (to be deployed)",
    dryRun,
  });

  const runs: MigrationRunResult[] = [];
  let migratorDeployment: MigrateResult["migratorDeployment"];
  const result = (): MigrateResult => {
    const gasUsed =
      runs.reduce((sum, r) => sum + r.gasUsed + r.recordGasUsed, 0n) + (migratorDeployment?.gasUsed ?? 0n);
    return {
      network: session.network,
      store: store?.description ?? "none",
      registry: session.registry.storage.location,
      migrations: runs,
      deployments: runs.flatMap((r) => r.deployments),
      ...(migratorDeployment !== undefined ? { migratorDeployment } : {}),
      ...(dryRun ? { planned: pending.map((m) => ({ id: m.id, fileName: m.fileName })) } : {}),
      gasUsed,
      durationMs: performance.now() - started,
    };
  };
  if (dryRun) {
    const final = result();
    emit({ type: "finished", result: final });
    return final;
  }

  if (pending.length > 0) {
    await options.beforeSend?.();
  }
  if (pending.length > 0 && store === undefined) {
    const deployed = await deployMigrator(host, session);
    store = deployed.store;
    migratorDeployment = { address: deployed.address, gasUsed: deployed.gasUsed };
  }

  const rollback = options.rollback ?? true;
  const snapshots = session.chain.isDevChain ? new DevChainSnapshots(host.provider) : undefined;
  const journal = session.chain.isDevChain ? host.snapshotJournal?.(session.chain) : undefined;
  const journaled = (await journal?.load()) ?? new Map<number, string>();

  for (const migration of pending) {
    const checkpoint = session.registry.checkpoint();
    const snapshot = rollback || journal !== undefined ? await snapshots?.take() : undefined;
    if (snapshots !== undefined && !snapshots.supported && migration === pending[0]) {
      emit({ type: "notice", message: `${host.networkName} does not support evm_snapshot: a failed migration cannot be rolled back.` });
    }
    emit({ type: "migration-started", migration });
    try {
      const run = await executeMigration({
        migration,
        network: session.network,
        deployer: await session.deployer(),
        signerFor: (address) => host.getSigner(address),
        artifacts: host.artifacts,
        registry: session.registry,
        importModule: (url) => host.importModule(url),
        extendContext: (core) => host.extendContext(core),
        emit,
      });
      const receipt = await store!.record(migration.id, migration.contentHash);
      if (journal !== undefined && snapshot !== undefined) {
        journaled.set(migration.id, snapshot);
        await journal.save(journaled);
      }
      const completedRun: MigrationRunResult = { ...run, recordGasUsed: receipt.gasUsed ?? 0n };
      runs.push(completedRun);
      emit({ type: "migration-completed", migration, result: completedRun });
    } catch (error) {
      let rolledBack = false;
      let outcome: string;
      if (snapshot !== undefined && rollback) {
        rolledBack = await snapshots!.revert(snapshot);
        await session.registry.restore(checkpoint);
        outcome = rolledBack
          ? "Rolled back: the chain and the registry are as they were before it, and it is not recorded."
          : "The node no longer had the snapshot taken before it, so its transactions stay on chain; its registry entries were discarded and it is not recorded.";
      } else if (session.chain.isDevChain && !rollback) {
        outcome = "Not rolled back (--no-rollback): its partial state and registry entries are kept for debugging; it is not recorded.";
      } else {
        outcome = `${host.networkName} cannot be rolled back: the transactions it sent stay on chain and its deployments stay in the registry; it is not recorded as complete.`;
      }
      emit({ type: "migration-failed", migration, error, rolledBack });
      const failure = MigrationsError.is(error, "MIGRATION_ALREADY_RECORDED")
        ? error
        : new MigrationsError("MIGRATION_FAILED", { file: migration.fileName, reason: describeError(error), outcome }, { cause: error });
      Object.assign(failure, { result: result(), rolledBack });
      throw failure;
    }
  }

  const final = result();
  emit({ type: "finished", result: final });
  return final;
}

/** `--reset`: a clean record, after saying what it does (and, off dev chains, only if confirmed). */
async function resetRecord<ContextT>(
  host: MigrationHost<ContextT>,
  session: Session,
  store: MigrationStateStore | undefined,
  options: MigrateOptions,
): Promise<{ store: MigrationStateStore | undefined; completed: Set<number> }> {
  const what =
    store === undefined || store.kind === "none"
      ? `run all ${session.migrations.length} migration(s) on ${host.networkName}`
      : store.kind === "chain"
        ? `deploy a new Migrator on ${host.networkName} (the current record, ${store.description}, stays on chain but is no longer used) and run all ${session.migrations.length} migration(s) again, deploying their contracts anew`
        : `clear the record in ${store.description} and run all ${session.migrations.length} migration(s) again, deploying their contracts anew`;
  if (!session.chain.isDevChain && options.confirmReset !== true) {
    throw new MigrationsError("RESET_NEEDS_CONFIRMATION", { network: host.networkName, what });
  }
  session.emit({ type: "notice", message: `Reset: this will ${what}.` });
  if (options.dryRun === true || store === undefined || store.kind === "none") {
    return { store, completed: new Set() };
  }
  if (store.kind === "chain") {
    return { store: (await deployMigrator(host, session)).store, completed: new Set() };
  }
  for (const id of await store.completed()) {
    await store.unrecord(id);
  }
  return { store, completed: new Set() };
}
