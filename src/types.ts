import type { HardhatEthers } from "@nomicfoundation/hardhat-ethers/types";
import type { Contract } from "ethers";
import type { HardhatRuntimeEnvironment } from "hardhat/types/hre";
import type { NetworkConnection } from "hardhat/types/network";

import type { CoreMigrationContext, MigrationRegistry } from "./core/context.js";
import type { MigrationEventListener } from "./core/events.js";
import type { MigratorRecord, RegistryEntry } from "./core/registry/registry-document.js";
import type { MigrateResult } from "./core/results.js";

export type { DeployOptions, MigrationRegistry, CoreMigrationContext } from "./core/context.js";
export type { MigrationEvent, MigrationEventListener } from "./core/events.js";
export type { MigrationFile } from "./core/migration-file.js";
export type {
  DeploymentRecord,
  JsonValue,
  MigratorRecord,
  RegistryDocument,
  RegistryEntry,
} from "./core/registry/registry-document.js";
export type { DeploymentResult, MigrateResult, MigrationRunResult } from "./core/results.js";
export type { MigrationsConfig, MigrationsUserConfig } from "./hardhat/config.js";

/**
 * What a migration script's default export receives:
 * `export default async function (ctx: MigrationContext) { ... }`.
 */
export interface MigrationContext extends CoreMigrationContext {
  readonly hre: HardhatRuntimeEnvironment;
  /** The network connection being migrated. */
  readonly connection: NetworkConnection;
  /** hardhat-ethers on that connection. */
  readonly ethers: HardhatEthers;
}

/** Options of `migrations.run()`; the `migrate` task takes the same. */
export interface RunMigrationsOptions {
  /** Run pending migrations up to and including this id. */
  readonly to?: number | string;
  /** Roll back a failed migration on dev chains (default: `migrations.rollback`, true). */
  readonly rollback?: boolean;
  /** Receives progress events (the task prints them). */
  readonly onEvent?: MigrationEventListener;
}

/** The registry of the connection's chain, read from its file (or memory) on every call. */
export interface RegistryView {
  get(name: string): Promise<RegistryEntry>;
  has(name: string): Promise<boolean>;
  all(): Promise<Record<string, RegistryEntry>>;
  /** The deployed contract named `name`, connected to the deployer. */
  contract(name: string): Promise<Contract>;
  migrator(): Promise<MigratorRecord | undefined>;
}

/** Selects what a fixture migrates. */
export interface FixtureOptions {
  /** Migrate up to and including this id (default: every migration). */
  readonly to?: number | string;
}

/** The migrated state a test starts from (see `connection.migrations.fixture()`). */
export interface MigrationsFixture {
  /** The result of the run that built the fixture (the same object on every call). */
  readonly result: MigrateResult;
  /** The registry as the fixture left it. */
  readonly registry: MigrationRegistry;
}

/** `connection.migrations`. */
export interface ConnectionMigrations {
  run(options?: RunMigrationsOptions): Promise<MigrateResult>;
  /**
   * Test fixture: the first call runs the migrations on this connection and snapshots the chain;
   * every later call (with the same options) reverts to that snapshot in milliseconds. Needs
   * evm_snapshot (the in-process network, hardhat node, anvil, ganache). Never writes registry files.
   */
  fixture(options?: FixtureOptions): Promise<MigrationsFixture>;
  readonly registry: RegistryView;
}

/** `hre.migrations`. */
export interface HardhatMigrations {
  /** Migrates `network` (default: the `--network` of the command, or the default network). */
  run(options?: RunMigrationsOptions & { readonly network?: string }): Promise<MigrateResult>;
}
