import type { HardhatEthers } from "@nomicfoundation/hardhat-ethers/types";
import type { Contract } from "ethers";
import type { HardhatRuntimeEnvironment } from "hardhat/types/hre";
import type { NetworkConnection } from "hardhat/types/network";

import type { CoreMigrationContext } from "./core/context.js";
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

/** `connection.migrations`. */
export interface ConnectionMigrations {
  run(options?: RunMigrationsOptions): Promise<MigrateResult>;
  readonly registry: RegistryView;
}

/** `hre.migrations`. */
export interface HardhatMigrations {
  /** Migrates `network` (default: the `--network` of the command, or the default network). */
  run(options?: RunMigrationsOptions & { readonly network?: string }): Promise<MigrateResult>;
}
