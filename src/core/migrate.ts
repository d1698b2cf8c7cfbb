import { MigrationsError, describeError } from "./errors.js";
import type { MigrationEventListener } from "./events.js";
import { executeMigration } from "./executor.js";
import { planUp, type PlanOptions } from "./planner.js";
import type { MigrateResult, MigrationRunResult } from "./results.js";
import type { MigrationFile } from "./migration-file.js";
import { MIGRATOR_STEP_ID, deployMigrator, openJournal, openSession, openStateStore, withRunLock, type MigrationHost, type Session } from "./session.js";
import { DevChainSnapshots } from "./snapshots.js";
import type { MigrationStateStore } from "./stores/state-store.js";
import { MigrationSender, createTransactionLayer, type TransactionLayer } from "./transactions/migration-sender.js";
import { defaultTransactionPolicy } from "./transactions/transaction-policy.js";

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
  /**
   * Asked once before the first transaction on a network that is not a dev chain, with what the
   * run would do; resolving false stops the run before anything is sent. Absent: no question.
   */
  readonly confirm?: (request: ConfirmationRequest) => Promise<boolean>;
  readonly onEvent?: MigrationEventListener;
  /** Called once before the first pending migration runs, only when one will (the task builds here). */
  readonly beforeSend?: () => Promise<void>;
}

/** What a run on a network that is not a dev chain asks confirmation for. */
export interface ConfirmationRequest {
  readonly network: string;
  readonly chainId: number;
  /** e.g. "deploy a Migrator, then run 2 migration(s) (1_a.ts, 2_b.ts) on sepolia". */
  readonly what: string;
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
  return withRunLock(
    host,
    async (chain) => migrateLocked(host, await openSession(host, emit, { readOnly: dryRun, chain }), options, started),
    { lock: !dryRun },
  );
}

async function migrateLocked<ContextT>(
  host: MigrationHost<ContextT>,
  session: Session,
  options: MigrateOptions,
  started: number,
): Promise<MigrateResult> {
  const emit = session.emit;
  const dryRun = options.dryRun === true;
  let { store, completed } = await openStateStore(host, session, { readOnly: dryRun });
  const journal = await openJournal(host, session, { readOnly: dryRun });
  const interrupted = journal?.interrupted() ?? new Map();
  const layer = createTransactionLayer(host.provider, {
    isDevChain: session.chain.isDevChain,
    providerAccounts: host.providerAccounts === true,
    policy: host.transactionPolicy?.(session.chain) ?? defaultTransactionPolicy(session.chain.isDevChain),
    ...(journal !== undefined ? { journal } : {}),
  });
  if (journal !== undefined && interrupted.has(MIGRATOR_STEP_ID) && session.registry.migrator !== undefined) {
    // The Migrator was deployed and registered just before the process died.
    await journal.append({ type: "migration-completed", migration: MIGRATOR_STEP_ID });
    interrupted.delete(MIGRATOR_STEP_ID);
  }
  if (journal !== undefined && store?.remembers === true) {
    for (const id of interrupted.keys()) {
      if (completed.has(id)) {
        // Recorded just before the process died, after its last journal line.
        await journal.append({ type: "migration-completed", migration: id });
        interrupted.delete(id);
      }
    }
  }

  if (!dryRun && !session.chain.isDevChain && options.confirm !== undefined) {
    const toRun = planUp(session.migrations, options.reset === true ? new Set() : completed, options);
    if (toRun.length > 0 || options.reset === true) {
      const what = describeRun(host, session, toRun, store, options.reset === true);
      if (!(await options.confirm({ network: host.networkName, chainId: session.chain.chainId, what }))) {
        throw new MigrationsError("CONFIRMATION_DECLINED", { network: host.networkName });
      }
    }
  }

  if (options.reset === true) {
    for (const id of [...interrupted.keys()].filter((id) => id !== MIGRATOR_STEP_ID)) {
      // A reset runs everything anew: nothing of an interrupted run is reused.
      await journal?.append({ type: "migration-force-cleaned", migration: id });
      interrupted.delete(id);
    }
    ({ store, completed } = await resetRecord(host, session, store, options, layer));
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
    const deployed = await deployMigrator(host, session, layer);
    store = deployed.store;
    migratorDeployment = { address: deployed.address, gasUsed: deployed.gasUsed };
  }

  const rollback = options.rollback ?? true;
  const snapshots = session.chain.isDevChain ? new DevChainSnapshots(host.provider) : undefined;
  const snapshotJournal = session.chain.isDevChain ? host.snapshotJournal?.(session.chain) : undefined;
  const journaled = (await snapshotJournal?.load()) ?? new Map<number, string>();

  for (const migration of pending) {
    const checkpoint = session.registry.checkpoint();
    const snapshot = rollback || snapshotJournal !== undefined ? await snapshots?.take() : undefined;
    if (snapshots !== undefined && !snapshots.supported && migration === pending[0]) {
      emit({ type: "notice", message: `${host.networkName} does not support evm_snapshot: a failed migration cannot be rolled back.` });
    }
    const attempt = interrupted.get(migration.id);
    if (attempt !== undefined) {
      emit({ type: "notice", message: resumeNotice(migration, attempt) });
    }
    emit({ type: "migration-started", migration });
    try {
      if (!session.chain.isDevChain && store!.kind === "chain" && (await store!.completed()).has(migration.id)) {
        // Another runner (another machine) completed it since this run read the record.
        throw new MigrationsError("MIGRATION_ALREADY_RECORDED", { id: migration.id, store: store!.description });
      }
      await journal?.migrationStarted(migration.id, migration.fileName, migration.contentHash);
      const sender = new MigrationSender(layer, migration, attempt);
      const deployer = await session.deployer();
      const run = await executeMigration({
        migration,
        network: session.network,
        deployer,
        signerFor: (address) => host.getSigner(address),
        artifacts: host.artifacts,
        registry: session.registry,
        importModule: (url) => host.importModule(url),
        extendContext: (core) => host.extendContext(core),
        accounts: async () => (await host.provider.request({ method: "eth_accounts" })) as string[],
        ...(host.deploySalt !== undefined ? { defaultSalt: host.deploySalt } : {}),
        emit,
        sender,
      });
      const recordStore = store!.connect?.(sender.signer(deployer, "record"), (tx) => sender.wait(tx)) ?? store!;
      const receipt = await recordStore.record(migration.id, migration.contentHash);
      await journal?.append({ type: "migration-completed", migration: migration.id });
      if (snapshotJournal !== undefined && snapshot !== undefined) {
        journaled.set(migration.id, snapshot);
        await snapshotJournal.save(journaled);
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
          ? attempt === undefined
            ? "Rolled back: the chain and the registry are as they were before it, and it is not recorded."
            : "Rolled back to where this run resumed it: what the interrupted run had sent stays on chain and in the journal, and `npx hardhat migrate` resumes it again."
          : "The node no longer had the snapshot taken before it, so its transactions stay on chain; its registry entries were discarded and it is not recorded.";
      } else if (session.chain.isDevChain && !rollback) {
        outcome = "Not rolled back (--no-rollback): its partial state and registry entries are kept for debugging; it is not recorded.";
      } else {
        outcome = `${host.networkName} cannot be rolled back: the transactions it sent stay on chain and its deployments stay in the registry; it is not recorded as complete. Run \`npx hardhat migrate\` again to resume it: what it already sent is not sent twice.`;
      }
      if (journal !== undefined) {
        await journal.append(
          rolledBack && attempt === undefined
            ? { type: "migration-rolled-back", migration: migration.id }
            : { type: "migration-failed", migration: migration.id, reason: describeError(error) },
        );
      }
      emit({ type: "migration-failed", migration, error, rolledBack });
      const failure =
        MigrationsError.is(error, "MIGRATION_ALREADY_RECORDED") || MigrationsError.is(error, "JOURNAL_DIVERGED")
          ? error
          : new MigrationsError(
              "MIGRATION_FAILED",
              // A typed error's hint says how to fix it: keep it (the outer hint is generic).
              { file: migration.fileName, reason: MigrationsError.is(error) ? `${error.message}\n${error.hint}` : describeError(error), outcome },
              { cause: error },
            );
      Object.assign(failure, { result: result(), rolledBack });
      throw failure;
    }
  }

  const final = result();
  emit({ type: "finished", result: final });
  return final;
}

function resumeNotice(migration: MigrationFile, attempt: { steps: ReadonlyMap<number, unknown>; startedAt: string; contentHash: string; failure?: string }): string {
  const steps = attempt.steps.size;
  return (
    `Resuming ${migration.fileName}, interrupted after it started at ${attempt.startedAt}` +
    (attempt.failure !== undefined ? ` (it failed: ${attempt.failure})` : "") +
    `: ${steps} transaction(s) it sent are looked up on chain and not sent again.` +
    (attempt.contentHash.toLowerCase() !== migration.contentHash.toLowerCase()
      ? " The file changed since: it must still send the same transactions, in the same order, up to where it stopped."
      : "")
  );
}

function describeRun<ContextT>(
  host: MigrationHost<ContextT>,
  session: Session,
  toRun: readonly MigrationFile[],
  store: MigrationStateStore | undefined,
  reset: boolean,
): string {
  const list = toRun.map((m) => m.fileName).join(", ");
  return (
    (reset ? "reset the record and " : "") +
    (store === undefined && toRun.length > 0 ? "deploy a Migrator, then " : "") +
    `run ${toRun.length} migration(s)${toRun.length > 0 ? ` (${list})` : ""} on ${host.networkName}`
  );
}

/** `--reset`: a clean record, after saying what it does (and, off dev chains, only if confirmed). */
async function resetRecord<ContextT>(
  host: MigrationHost<ContextT>,
  session: Session,
  store: MigrationStateStore | undefined,
  options: MigrateOptions,
  layer: TransactionLayer,
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
    return { store: (await deployMigrator(host, session, layer)).store, completed: new Set() };
  }
  for (const id of await store.completed()) {
    await store.unrecord(id);
  }
  return { store, completed: new Set() };
}
