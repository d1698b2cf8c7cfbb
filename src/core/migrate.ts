import type { Signer } from "ethers";

import type { ArtifactResolver } from "./artifacts.js";
import { inspectChain, type ChainInfo } from "./chain.js";
import type { CoreMigrationContext } from "./context.js";
import { discoverMigrations } from "./discovery.js";
import { MigrationsError, describeError } from "./errors.js";
import type { MigrationEventListener } from "./events.js";
import { executeMigration } from "./executor.js";
import { planUp } from "./planner.js";
import type { Eip1193Provider } from "./provider.js";
import { Registry } from "./registry/registry.js";
import type { RegistryStorage } from "./registry/registry-storage.js";
import type { DeploymentResult, MigrateResult, MigrationRunResult } from "./results.js";
import { DevChainSnapshots } from "./snapshots.js";
import { MigratorStateStore } from "./stores/migrator-state-store.js";
import type { MigrationStateStore } from "./stores/state-store.js";

/** What the engine needs from its host (the Hardhat plugin, or a test). */
export interface MigrationHost<ContextT> {
  readonly networkName: string;
  readonly provider: Eip1193Provider;
  /** An in-process chain (Hardhat's EDR): always a dev chain. */
  readonly inProcess: boolean;
  readonly migrationsDir: string;
  readonly artifacts: ArtifactResolver;
  /** The configured deployer. */
  getDeployer(): Promise<Signer>;
  /** A signer for `ctx.deploy(..., { from })`. */
  getSigner(address: string): Promise<Signer>;
  registryStorage(chain: ChainInfo): RegistryStorage;
  /**
   * The state store to use. `undefined` selects the Migrator contract, deployed on first use
   * and found again through the registry.
   */
  stateStore?(chain: ChainInfo): MigrationStateStore | undefined;
  importModule(url: string): Promise<unknown>;
  extendContext(core: CoreMigrationContext): ContextT;
}

export interface MigrateOptions {
  /** Run pending migrations up to and including this id. */
  readonly to?: number;
  /** Revert a failed migration on chains with `evm_snapshot` (default true). */
  readonly rollback?: boolean;
  readonly onEvent?: MigrationEventListener;
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
  const notice = (message: string) => emit({ type: "notice", message });

  const [chain, migrations, deployer] = await Promise.all([
    inspectChain(host.provider, { inProcess: host.inProcess }),
    discoverMigrations(host.migrationsDir),
    host.getDeployer(),
  ]);
  const network = { name: host.networkName, chainId: chain.chainId };
  const registry = await Registry.open(host.registryStorage(chain), chain, { notice });

  let store = host.stateStore?.(chain);
  let completed: Set<number>;
  if (store !== undefined) {
    completed = await store.completed();
  } else {
    completed = new Set();
    const known = registry.migrator;
    if (known !== undefined) {
      const attached = await MigratorStateStore.attach(host.provider, deployer, known.address, registry.storage.location);
      if (attached !== undefined) {
        store = attached.store;
        completed = attached.completed;
      } else if (chain.isDevChain) {
        await registry.discard(`the Migrator at ${known.address} has no code (the dev chain was reset)`, notice);
      } else {
        throw new MigrationsError("MIGRATOR_NOT_FOUND", { address: known.address, network: host.networkName, file: registry.storage.location });
      }
    }
  }

  const pending = planUp(migrations, completed, options.to === undefined ? {} : { to: options.to });
  emit({ type: "plan", network, pending, completed: completed.size, store: store?.description ?? "Migrator (to be deployed)" });

  const runs: MigrationRunResult[] = [];
  let migratorDeployment: MigrateResult["migratorDeployment"];
  const result = (): MigrateResult => {
    const deployments: DeploymentResult[] = runs.flatMap((r) => r.deployments);
    const gasUsed =
      runs.reduce((sum, r) => sum + r.gasUsed + r.recordGasUsed, 0n) + (migratorDeployment?.gasUsed ?? 0n);
    return {
      network,
      store: store?.description ?? "none",
      registry: registry.storage.location,
      migrations: runs,
      deployments,
      ...(migratorDeployment !== undefined ? { migratorDeployment } : {}),
      gasUsed,
      durationMs: performance.now() - started,
    };
  };

  if (pending.length > 0 && store === undefined) {
    const deployed = await MigratorStateStore.deploy(host.provider, deployer);
    await registry.setMigrator(deployed.record);
    store = deployed.store;
    migratorDeployment = { address: deployed.record.address, gasUsed: deployed.gasUsed };
    emit({ type: "migrator-deployed", address: deployed.record.address, gasUsed: deployed.gasUsed });
  }

  const rollback = options.rollback ?? true;
  const snapshots = chain.isDevChain && rollback ? new DevChainSnapshots(host.provider) : undefined;

  for (const migration of pending) {
    const checkpoint = registry.checkpoint();
    const snapshot = await snapshots?.take();
    if (snapshots !== undefined && snapshot === undefined && migration === pending[0]) {
      notice(`${host.networkName} does not support evm_snapshot: a failed migration cannot be rolled back.`);
    }
    emit({ type: "migration-started", migration });
    try {
      const run = await executeMigration({
        migration,
        network,
        deployer,
        signerFor: (address) => host.getSigner(address),
        artifacts: host.artifacts,
        registry,
        importModule: (url) => host.importModule(url),
        extendContext: (core) => host.extendContext(core),
        emit,
      });
      const receipt = await store!.record(migration.id, migration.contentHash);
      const completedRun: MigrationRunResult = { ...run, recordGasUsed: receipt.gasUsed ?? 0n };
      runs.push(completedRun);
      emit({ type: "migration-completed", migration, result: completedRun });
    } catch (error) {
      let rolledBack = false;
      let outcome: string;
      if (snapshot !== undefined) {
        rolledBack = await snapshots!.revert(snapshot);
        await registry.restore(checkpoint);
        outcome = rolledBack
          ? "Rolled back: the chain and the registry are as they were before it, and it is not recorded."
          : "The node no longer had the snapshot taken before it, so its transactions stay on chain; its registry entries were discarded and it is not recorded.";
      } else if (chain.isDevChain && !rollback) {
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
