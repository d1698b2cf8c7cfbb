import path from "node:path";

import { validateUserConfigZodType } from "@nomicfoundation/hardhat-zod-utils";

import {
  validateNamedAccountsAndParameters,
  type NamedAccountUserConfig,
  type NamedAccountsAndParametersConfig,
  type ParameterValues,
} from "./accounts-config.js";
import { userConfigSchema } from "./config-schema.js";

/** `migrations` in hardhat.config.ts. */
export interface MigrationsUserConfig {
  /** Directory of migration scripts, relative to the project root. Default "migrations". */
  dir?: string;
  /** Directory of the per-chain registry files `<chainId>.json`. Default "deployments". */
  registryDir?: string;
  /**
   * The deployer: an account index of the network's accounts, or an address. Default 0. Same as
   * `accounts.deployer` (which wins when both are set, and can differ per network).
   */
  deployer?: number | string;
  /**
   * Named accounts, available to migrations as `ctx.accounts.<name>`: an index into the
   * network's accounts, an address, or `configVariable("NAME")` (an address). `deployer` is the
   * account migrations send from. Per network: `networks.<name>.accounts`.
   */
  accounts?: Record<string, NamedAccountUserConfig>;
  /** Parameters, read by migrations with `ctx.parameters` (per network: `networks.<name>.parameters`). */
  parameters?: ParameterValues;
  /** Directory of per-network parameters files `<network>.json`. Default "<dir>/parameters". */
  parametersDir?: string;
  /** Roll back a failed migration on chains that support evm_snapshot. Default true. */
  rollback?: boolean;
  /**
   * Seconds one migration (its script and its transactions) may take before the run stops with
   * HHM253; 0: no limit. Default 3600 on live networks, 600 on dev chains.
   */
  migrationTimeout?: number;
  /**
   * Where in-process (edr-simulated) networks keep their registry: "memory" (default; the chain
   * itself lives only as long as the process) or "file".
   */
  inProcessRegistry?: "memory" | "file";
  /**
   * The block explorers `migrate --verify` and `migrate verify` submit sources to, through
   * @nomicfoundation/hardhat-verify (configured under its `verify` section). Default ["etherscan"].
   */
  explorers?: ExplorerName[];
  /**
   * The contract library migrations and fixtures use: "ethers" (`ctx.deploy` returns an ethers
   * Contract; needs @nomicfoundation/hardhat-ethers) or "viem" (a viem contract instance; needs
   * @nomicfoundation/hardhat-viem). Default: the one the config's plugins load, ethers if both.
   */
  library?: "ethers" | "viem";
  /**
   * Where the record of completed migrations lives: "chain" (default, the Migrator contract),
   * "file" (`<registryDir>/<chainId>.migrations.json`) or "none" (nothing recorded).
   */
  store?: StoreKind;
  /** Per-network settings, by network name: `{ sepolia: { store: "file", confirmations: 2 } }`. */
  networks?: Record<string, NetworkMigrationsUserConfig>;
  /**
   * Artifact name of your own Migrator contract, deployed instead of the shipped one. It must
   * implement the shipped Migrator's interface (checked before it is deployed).
   */
  migrator?: string;
  /**
   * The Hardhat build profile `migrate`, `redo` and `export` build with before deploying. Default
   * "production" (as Hardhat Ignition): the optimizer on, so what is deployed is what verifiers
   * build. Hardhat's global `--build-profile <name>` overrides it for one command.
   */
  buildProfile?: string;
  /**
   * Default salt of every `ctx.deploy` (deterministic deployments through the CREATE2 factory,
   * same address on every chain); a deployment's own `salt` (or `salt: false`) wins.
   */
  salt?: string;
  /**
   * Deploy the Migrator through the CREATE2 factory with this salt: one Migrator address on every
   * chain for the same deployer. Use a salt of your project's own (two projects of one deployer
   * with the same salt would share a Migrator).
   */
  migratorSalt?: string;
}

export type StoreKind = "chain" | "file" | "none";

/** A block explorer hardhat-verify submits to (see docs/verification.md). */
export type ExplorerName = "etherscan" | "sourcify" | "blockscout";

/** `migrations.networks.<name>`: what differs per network. */
export interface NetworkMigrationsUserConfig {
  /** Overrides `migrations.store` on this network. */
  store?: StoreKind;
  /** Named accounts on this network, over `migrations.accounts` (e.g. another `deployer`). */
  accounts?: Record<string, NamedAccountUserConfig>;
  /** Parameters on this network, over `migrations.parameters`. */
  parameters?: ParameterValues;
  /** Overrides `migrations.salt` on this network (`false`: no default salt here). */
  salt?: string | false;
  /** Blocks a transaction needs before it counts (default 1 = mined; 0 only on dev chains). */
  confirmations?: number;
  /** Seconds one transaction may take to be mined before the run stops (default 600; 60 on dev chains). */
  txTimeout?: number;
  /** Overrides `migrations.migrationTimeout` on this network (seconds; 0: no limit). */
  migrationTimeout?: number;
  /** Seconds between two receipt checks (default 2; 0.02 on dev chains, where the first check finds it). */
  pollInterval?: number;
  /**
   * Replace a transaction that is not mined after `afterSeconds` with the same one at a fee
   * `percent` higher (>= 10), at most `maxBumps` times. Default: off.
   */
  feeBump?: { afterSeconds?: number; percent?: number; maxBumps?: number } | false;
  /**
   * Declares the network live (`true`: confirmation asked, no rollback, journal synced to disk) or a
   * dev chain (`false`: rollback with evm_snapshot, no confirmation), overriding the detection by
   * client version (hardhat/anvil/ganache answer as dev chains). Default: detected.
   */
  live?: boolean;
}

export interface MigrationsConfig {
  dir: string;
  registryDir: string;
  deployer: number | string;
  rollback: boolean;
  /** Seconds; `undefined`: the default for the chain (see `defaultMigrationTimeoutMs`). */
  migrationTimeout: number | undefined;
  inProcessRegistry: "memory" | "file";
  explorers: ExplorerName[];
  library: "ethers" | "viem" | undefined;
  store: StoreKind;
  networks: Record<string, NetworkMigrationsUserConfig>;
  migrator: string | undefined;
  buildProfile: string;
  /** Named accounts and parameters, resolved (see accounts-config.ts). */
  named: NamedAccountsAndParametersConfig;
  salt: string | undefined;
  migratorSalt: string | undefined;
}

export interface ConfigValidationError {
  path: Array<string | number>;
  message: string;
}

/** Validates the user's `migrations` section (with zod, as Hardhat's plugins do); one error per bad field. */
export function validateMigrationsUserConfig(config: unknown): ConfigValidationError[] {
  const errors = validateUserConfigZodType({ migrations: config }, userConfigSchema);
  const isObject = config !== null && typeof config === "object" && !Array.isArray(config);
  return isObject ? [...errors, ...validateNamedAccountsAndParameters(config as Record<string, unknown>)] : errors;
}

/** Fills in defaults and makes paths absolute (relative to the project root). */
export function resolveMigrationsConfig(config: MigrationsUserConfig | undefined, projectRoot: string): Omit<MigrationsConfig, "named"> {
  return {
    dir: path.resolve(projectRoot, config?.dir ?? "migrations"),
    registryDir: path.resolve(projectRoot, config?.registryDir ?? "deployments"),
    deployer: config?.deployer ?? 0,
    rollback: config?.rollback ?? true,
    migrationTimeout: config?.migrationTimeout,
    inProcessRegistry: config?.inProcessRegistry ?? "memory",
    explorers: [...new Set<ExplorerName>(config?.explorers ?? ["etherscan"])],
    library: config?.library,
    store: config?.store ?? "chain",
    networks: config?.networks ?? {},
    migrator: config?.migrator,
    buildProfile: config?.buildProfile ?? "production",
    salt: config?.salt,
    migratorSalt: config?.migratorSalt,
  };
}
