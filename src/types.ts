import type { HardhatEthers } from "@nomicfoundation/hardhat-ethers/types";
import type { Contract, Signer } from "ethers";
import type { HardhatRuntimeEnvironment } from "hardhat/types/hre";
import type { NetworkConnection } from "hardhat/types/network";

import type { MigrationContextOf, MigrationRegistry } from "./core/context.js";
import type { MigratorRecord, RegistryEntry } from "./core/registry/registry-document.js";
import type { DownOptions as CoreDownOptions, DownResult } from "./core/down.js";
import type { MigrateOptions } from "./core/migrate.js";
import type { MigrateResult } from "./core/results.js";
import type { ForceCleanResult } from "./core/force-clean.js";
import type { RebuildReport } from "./core/registry/rebuild-registry.js";
import type { StatusReport } from "./core/status.js";
import type { StateFileDocument } from "./core/stores/file-state-store.js";
import type { BootstrapReport } from "./core/network-migration/bootstrap.js";
import type { NetworkSnapshot } from "./core/network-migration/snapshot-document.js";
import type { CutoverReport } from "./core/network-migration/cutover.js";
import type { SnapshotReader } from "./core/network-migration/snapshot-reader.js";
import type { SyncOptions, SyncResult } from "./core/network-migration/sync.js";
import type { ImportTruffleOptions, ImportTruffleResult } from "./core/imports/import-truffle.js";
import type { VerificationOutcome } from "./core/verification/verify-deployments.js";
import type { VerifyResult } from "./core/verify.js";
import type { ImportHardhatDeployOptions, ImportHardhatDeployResult } from "./core/imports/import-hardhat-deploy.js";
import type { ImportIgnitionOptions, ImportIgnitionResult } from "./core/imports/import-ignition.js";

export type { AccountRef, DeployOptions, DeployedContract, MigrationContextOf, MigrationRegistry, MigrationTransactions, CoreMigrationContext } from "./core/context.js";
export type { NamedAccount, NamedAccounts } from "./core/named-accounts.js";
export type { MigrationParameters } from "./core/parameters.js";
export type { MigrationSelection } from "./core/migration-selection.js";
export type { DeployProxyOptions, UpgradeProxyOptions } from "./core/upgrades/proxies.js";
export type { AddedVariable, IncompatibilityKind, LayoutCheckOptions, LayoutComparison, StorageIncompatibility } from "./core/upgrades/layout-compatibility.js";
export type { StorageItem, StorageLayout, StorageType } from "./core/upgrades/storage-layout.js";
export type { MigrationEvent, MigrationEventListener } from "./core/events.js";
export type { MigrationFile } from "./core/migration-file.js";
export type { DeploymentRecord, JsonValue, MigratorRecord, ProxyRecord, RegistryDocument, RegistryEntry } from "./core/registry/registry-document.js";
export type { DeploymentResult, MigrateResult, MigrationRunResult } from "./core/results.js";
export type { DownResult, UndoneMigration } from "./core/down.js";
export type { MigrationState, StatusReport, StatusRow } from "./core/status.js";
export type { MigrationSafe, SafeExecution } from "./core/safe/migration-safe.js";
export type { SafeCallOptions, SafeCallTarget } from "./core/safe/safe-call-target.js";
export type { AwaitingApproval } from "./core/safe/safe-status.js";
export type { StateFileDocument } from "./core/stores/file-state-store.js";
export type { ImportTruffleOptions, ImportTruffleResult } from "./core/imports/import-truffle.js";
export type { ImportHardhatDeployOptions, ImportHardhatDeployResult } from "./core/imports/import-hardhat-deploy.js";
export type { ImportIgnitionOptions, ImportIgnitionResult } from "./core/imports/import-ignition.js";
export type { TruffleBN } from "./core/truffle/bn.js";
export type { MigrationRecord } from "./core/stores/state-store.js";
export type { MigrationsConfig, MigrationsUserConfig } from "./hardhat/config.js";
export type { NetworkMigrationInfo, NetworkPeer } from "./core/registry/registry-document.js";
export type { NetworkSnapshot, SnapshotAccount, SnapshotDiscovery } from "./core/network-migration/snapshot-document.js";
export type { BootstrapReport } from "./core/network-migration/bootstrap.js";
export type { StateDifference } from "./core/network-migration/account-state.js";
export type { SyncOptions, SyncProgress, SyncResult } from "./core/network-migration/sync.js";
export type { CutoverReport } from "./core/network-migration/cutover.js";
export type { SnapshotReader } from "./core/network-migration/snapshot-reader.js";
export type { MigrationViem, ViemContract, ViemMigrationContext, ViemMigrationRegistry } from "./viem-types.js";

/**
 * What a migration script's default export receives:
 * `export default async function (ctx: MigrationContext) { ... }`.
 */
export interface MigrationContext extends MigrationContextOf<Contract, Signer> {
  readonly hre: HardhatRuntimeEnvironment;
  /** The network connection being migrated. */
  readonly connection: NetworkConnection;
  /** hardhat-ethers on that connection. */
  readonly ethers: HardhatEthers;
}

/** `T` with its migration-id fields `K` also accepting strings ("3", as typed on a command line). */
type WithUserIds<T, K extends keyof T> = Omit<T, K> & { readonly [P in K]?: number | string };

/** Options of `migrations.run()`; the `migrate` task takes the same. The engine's options, plus: */
export interface RunMigrationsOptions extends WithUserIds<Omit<MigrateOptions, "migrationTimeoutMs" | "tags">, "to" | "from" | "only"> {
  /**
   * Run only the pending migrations tagged with one of these (`export const tags = ["oracle"]`),
   * as a list or comma-separated; the others are skipped and not recorded.
   */
  readonly tags?: string | readonly string[];
  /** A JSON parameters file (`ctx.parameters`), over the network's parameters. */
  readonly parameters?: string;
  /**
   * With `dryRun`: run the pending migrations on an in-process fork of the network and report
   * their deployments and gas, sending nothing to the network.
   */
  readonly simulate?: boolean;
  /**
   * Seconds one migration (its script and its transactions) may take before the run stops with
   * HHM253; 0: no limit. Default: `migrations.networks.<name>.migrationTimeout`, else
   * `migrations.migrationTimeout`, else 3600 on live networks and 600 on dev chains.
   */
  readonly migrationTimeout?: number;
  /**
   * `"console"`: print the run as `npx hardhat migrate` does (hashes, waiting, cost, summary),
   * besides calling `onEvent`. Colour follows the terminal, `NO_COLOR` and `FORCE_COLOR`.
   */
  readonly reporter?: "console";
  /**
   * Verify each contract on the network's block explorer right after its migration completes
   * (needs @nomicfoundation/hardhat-verify; see docs/verification.md). A refusal is recorded in
   * the registry and reported through `onVerification`; it does not fail the run.
   */
  readonly verify?: boolean;
  readonly onVerification?: (outcome: VerificationOutcome) => void;
}

/** The registry of the connection's chain, read from its file (or memory) on every call. */
export interface RegistryView {
  get(name: string): Promise<RegistryEntry>;
  has(name: string): Promise<boolean>;
  all(): Promise<Record<string, RegistryEntry>>;
  /** The deployed contract named `name`, connected to the deployer (a viem instance on viem: type it with `contract<ViemContract>`). */
  contract<ContractT = Contract>(name: string): Promise<ContractT>;
  migrator(): Promise<MigratorRecord | undefined>;
}

/** Selects what a fixture migrates. */
export interface FixtureOptions {
  /** Migrate up to and including this id (default: every migration). */
  readonly to?: number | string;
}

/** The migrated state a test starts from (see `connection.migrations.fixture()`). */
export interface MigrationsFixture<RegistryT = MigrationRegistry<Contract>> {
  /** The result of the run that built the fixture (the same object on every call). */
  readonly result: MigrateResult;
  /**
   * The registry as the fixture left it; its `contract(name)` returns the project's library's
   * objects (`fixture<ViemMigrationRegistry>()` types them for a project on viem).
   */
  readonly registry: RegistryT;
}

/** Options of `migrations.down()`: the engine's, with the id also accepted as a string. */
export type DownOptions = WithUserIds<CoreDownOptions, "to">;

export interface ImportStateResult {
  readonly store: string;
  /** Ids recorded by the import. */
  readonly imported: readonly number[];
  /** Ids that were already recorded. */
  readonly skipped: readonly number[];
}

/** Options of `migrations.snapshot()`; the `migrate snapshot` task takes the same. */
export interface SnapshotOptions {
  /** The block to capture (default: the latest). */
  readonly block?: number | string;
  /** Also write the snapshot file here. */
  readonly out?: string;
  /** Also write the state as a genesis `{ "alloc": … }` JSON here. */
  readonly genesis?: string;
  /** Force a tracing method (default: prestateTracer when the node has it, else struct logs). */
  readonly traceMethod?: "prestateTracer" | "structLogs";
}

/** `connection.migrations`. */
export interface ConnectionMigrations {
  run(options?: RunMigrationsOptions): Promise<MigrateResult>;
  /**
   * Every migration's state (up, pending, interrupted, changed, missing file, skipped), ordered by
   * id. With `tags`, a pending migration that `run({ tags })` would leave out is `skipped`, as is
   * one that does not apply on this network. Sends nothing.
   */
  status(options?: { readonly tags?: string | readonly string[] }): Promise<StatusReport>;
  /**
   * Verifies every deployment in the registry that is not verified yet (failures are retried),
   * from the compiler input kept when it was deployed; throws when one is still refused.
   */
  verify(options?: { readonly onOutcome?: (outcome: VerificationOutcome) => void }): Promise<VerifyResult>;
  /**
   * Declares an interrupted migration resolved: its journaled transactions are no longer reused
   * or checked, and the next `run()` starts it from scratch. Sends nothing.
   */
  forceClean(id: number | string): Promise<ForceCleanResult>;
  /**
   * Rebuilds a lost registry file from the chain's journal and the chain (the Migrator, and each
   * journaled deployment of a completed migration whose code is on chain). Never overwrites one.
   * See docs/live-networks.md.
   */
  rebuildRegistry(): Promise<RebuildReport>;
  /** Undoes the most recently completed migrations (see docs/undo-and-rollback.md). */
  down(options?: DownOptions): Promise<DownResult>;
  /** Undoes the most recent migration and runs it again. */
  redo(options?: Pick<RunMigrationsOptions, "onEvent" | "allowDecommissioned">): Promise<{ down: DownResult; up: MigrateResult }>;
  /** The record of completed migrations in the file store's format, from whatever store is configured. */
  exportState(): Promise<StateFileDocument>;
  /** Records the migrations of an exported state in the configured store, without running them. */
  importState(state: unknown, source?: string): Promise<ImportStateResult>;
  /**
   * Imports a Truffle project's deployments on this chain (its `build/contracts` `networks`
   * entries) into the registry, and records the Truffle migrations that already ran
   * (`last_completed_migration` of its Migrations contract, or `completed`) as complete.
   */
  importTruffle(options: ImportTruffleOptions): Promise<ImportTruffleResult>;
  /**
   * Imports a hardhat-deploy network folder (`deployments/<network>`, v1 or v2 format) of this
   * chain into the registry; with `completed`, records the migrations up to that id as complete.
   */
  importHardhatDeploy(options: ImportHardhatDeployOptions): Promise<ImportHardhatDeployResult>;
  /**
   * Imports a Hardhat Ignition deployment folder (`ignition/deployments/<id>`) of this chain into
   * the registry (each completed future under its name within the module); with `completed`,
   * records the migrations up to that id as complete.
   */
  importIgnition(options: ImportIgnitionOptions): Promise<ImportIgnitionResult>;
  /**
   * Test fixture: the first call runs the migrations on this connection and snapshots the chain;
   * every later call (with the same options) reverts to that snapshot in milliseconds. Needs
   * evm_snapshot (the in-process network, hardhat node, anvil, ganache). Never writes registry files.
   */
  fixture<RegistryT = MigrationRegistry<Contract>>(options?: FixtureOptions): Promise<MigrationsFixture<RegistryT>>;
  readonly registry: RegistryView;
  /**
   * Captures the network's registered contracts (code, balance, nonce, every non-zero storage
   * slot), registry and record at one block (see docs/network-migrations.md).
   */
  snapshot(options?: SnapshotOptions): Promise<NetworkSnapshot>;
  /**
   * Makes this (dev / private) network hold a snapshot's state at the same addresses, verifies it
   * slot by slot, and writes its registry and record. Takes a snapshot file path or document.
   */
  bootstrap(snapshot: string | NetworkSnapshot): Promise<BootstrapReport>;
}

/** The two networks of a network migration, by name in the Hardhat config. */
export interface NetworkMigrationOptions extends Pick<SyncOptions, "onProgress" | "onStart" | "traceMethod"> {
  /** The old network. */
  readonly from: string;
  /** The new network (bootstrapped from `from`). */
  readonly to: string;
}

export interface SyncNetworksOptions extends NetworkMigrationOptions, Pick<SyncOptions, "until" | "pollIntervalMs" | "signal"> {}

/** What happened on one network of `runMany`. */
export type NetworkRunOutcome =
  | { readonly network: string; readonly result: MigrateResult; readonly error?: undefined }
  | { readonly network: string; readonly error: Error; readonly result?: undefined };

/** `hre.migrations`. */
export interface HardhatMigrations {
  /** Migrates `network` (default: the `--network` of the command, or the default network). */
  run(options?: RunMigrationsOptions & { readonly network?: string }): Promise<MigrateResult>;
  /** Migrates several networks one after another; a failure on one does not stop the others. */
  runMany(
    networks: readonly string[],
    options?: RunMigrationsOptions & { readonly onNetwork?: (network: string) => void },
  ): Promise<NetworkRunOutcome[]>;
  /** Creates `migrations/<Date.now()>_<purpose>.ts` (or the next free small id) from a typed template. */
  newMigration(purpose: string, options?: { readonly next?: boolean }): Promise<string>;
  /** Every chain's registry with ABIs, `{ [chainId]: { [name]: { address, abi } } }`, as JSON or TS. */
  exportDeployments(format?: "json" | "ts"): Promise<string>;
  /**
   * Zero-downtime network migration: replays the old network's state changes to registered
   * contracts onto the new one, block by block, from its checkpoint (see docs/network-migrations.md).
   */
  sync(options: SyncNetworksOptions): Promise<SyncResult>;
  /** Final sync, slot-by-slot verification, then the old registry is decommissioned and the new one active. */
  cutover(options: NetworkMigrationOptions): Promise<CutoverReport>;
  /** Reads (and checks) a snapshot file, e.g. to re-seed state on a public chain. */
  readSnapshot(file: string): Promise<SnapshotReader>;
}
