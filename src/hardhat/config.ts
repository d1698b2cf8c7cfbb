import path from "node:path";

/** `migrations` in hardhat.config.ts. */
export interface MigrationsUserConfig {
  /** Directory of migration scripts, relative to the project root. Default "migrations". */
  dir?: string;
  /** Directory of the per-chain registry files `<chainId>.json`. Default "deployments". */
  registryDir?: string;
  /** The deployer: an account index of the network's accounts, or an address. Default 0. */
  deployer?: number | string;
  /** Roll back a failed migration on chains that support evm_snapshot. Default true. */
  rollback?: boolean;
  /**
   * Where in-process (edr-simulated) networks keep their registry: "memory" (default; the chain
   * itself lives only as long as the process) or "file".
   */
  inProcessRegistry?: "memory" | "file";
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

/** `migrations.networks.<name>`: what differs per network. */
export interface NetworkMigrationsUserConfig {
  /** Overrides `migrations.store` on this network. */
  store?: StoreKind;
  /** Overrides `migrations.salt` on this network (`false`: no default salt here). */
  salt?: string | false;
  /** Blocks a transaction needs before it counts (default 1 = mined; 0 only on dev chains). */
  confirmations?: number;
  /** Seconds one transaction may take to be mined before the run stops (default 600; 60 on dev chains). */
  txTimeout?: number;
  /** Seconds between two receipt checks (default 2; 0.02 on dev chains, where the first check finds it). */
  pollInterval?: number;
  /**
   * Replace a transaction that is not mined after `afterSeconds` with the same one at a fee
   * `percent` higher (>= 10), at most `maxBumps` times. Default: off.
   */
  feeBump?: { afterSeconds?: number; percent?: number; maxBumps?: number } | false;
}

export interface MigrationsConfig {
  dir: string;
  registryDir: string;
  deployer: number | string;
  rollback: boolean;
  inProcessRegistry: "memory" | "file";
  store: StoreKind;
  networks: Record<string, NetworkMigrationsUserConfig>;
  migrator: string | undefined;
  salt: string | undefined;
  migratorSalt: string | undefined;
}

const STORE_KINDS: readonly string[] = ["chain", "file", "none"];

export interface ConfigValidationError {
  path: Array<string | number>;
  message: string;
}

/** Validates the user's `migrations` section; returns one error per bad field. */
export function validateMigrationsUserConfig(config: unknown): ConfigValidationError[] {
  if (config === undefined) {
    return [];
  }
  if (config === null || typeof config !== "object" || Array.isArray(config)) {
    return [{ path: ["migrations"], message: "Expected an object." }];
  }
  const c = config as Record<string, unknown>;
  const errors: ConfigValidationError[] = [];
  const add = (field: string, message: string) => errors.push({ path: ["migrations", field], message });
  for (const field of ["dir", "registryDir"] as const) {
    if (c[field] !== undefined && (typeof c[field] !== "string" || c[field] === "")) {
      add(field, "Expected a non-empty path string.");
    }
  }
  if (c.deployer !== undefined) {
    const d = c.deployer;
    const valid =
      (typeof d === "number" && Number.isInteger(d) && d >= 0) ||
      (typeof d === "string" && /^0x[0-9a-fA-F]{40}$/.test(d));
    if (!valid) {
      add("deployer", "Expected an account index (0, 1, …) or a 0x-prefixed address.");
    }
  }
  if (c.rollback !== undefined && typeof c.rollback !== "boolean") {
    add("rollback", "Expected true or false.");
  }
  if (c.inProcessRegistry !== undefined && c.inProcessRegistry !== "memory" && c.inProcessRegistry !== "file") {
    add("inProcessRegistry", `Expected "memory" or "file".`);
  }
  if (c.store !== undefined && !STORE_KINDS.includes(c.store as string)) {
    add("store", `Expected "chain", "file" or "none".`);
  }
  if (c.migrator !== undefined && (typeof c.migrator !== "string" || c.migrator === "")) {
    add("migrator", "Expected the artifact name of a contract, e.g. \"MyMigrator\".");
  }
  for (const field of ["salt", "migratorSalt"] as const) {
    if (c[field] !== undefined && (typeof c[field] !== "string" || c[field] === "")) {
      add(field, "Expected a 32-byte hex string or any other non-empty text (hashed into one).");
    }
  }
  if (c.networks !== undefined) {
    if (c.networks === null || typeof c.networks !== "object" || Array.isArray(c.networks)) {
      add("networks", "Expected an object of network names to { store }.");
    } else {
      for (const [name, value] of Object.entries(c.networks as Record<string, unknown>)) {
        errors.push(...validateNetworkEntry(name, value));
      }
    }
  }
  const known = new Set(["dir", "registryDir", "deployer", "rollback", "inProcessRegistry", "store", "networks", "migrator", "salt", "migratorSalt"]);
  for (const key of Object.keys(c)) {
    if (!known.has(key)) {
      add(key, `Unknown option. Known options: ${[...known].join(", ")}.`);
    }
  }
  return errors;
}

/** Fills in defaults and makes paths absolute (relative to the project root). */
export function resolveMigrationsConfig(config: MigrationsUserConfig | undefined, projectRoot: string): MigrationsConfig {
  return {
    dir: path.resolve(projectRoot, config?.dir ?? "migrations"),
    registryDir: path.resolve(projectRoot, config?.registryDir ?? "deployments"),
    deployer: config?.deployer ?? 0,
    rollback: config?.rollback ?? true,
    inProcessRegistry: config?.inProcessRegistry ?? "memory",
    store: config?.store ?? "chain",
    networks: config?.networks ?? {},
    migrator: config?.migrator,
    salt: config?.salt,
    migratorSalt: config?.migratorSalt,
  };
}

const NETWORK_KEYS = ["store", "salt", "confirmations", "txTimeout", "pollInterval", "feeBump"];

function validateNetworkEntry(name: string, value: unknown): ConfigValidationError[] {
  const at = (field: string) => ["migrations", "networks", name, field];
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    return [{ path: ["migrations", "networks", name], message: `Expected an object with ${NETWORK_KEYS.join(", ")}.` }];
  }
  const v = value as Record<string, unknown>;
  const errors: ConfigValidationError[] = [];
  if (v.store !== undefined && !STORE_KINDS.includes(v.store as string)) {
    errors.push({ path: at("store"), message: `Expected "chain", "file" or "none".` });
  }
  if (v.salt !== undefined && v.salt !== false && (typeof v.salt !== "string" || v.salt === "")) {
    errors.push({ path: at("salt"), message: "Expected a salt string, or false." });
  }
  if (v.confirmations !== undefined && !(Number.isInteger(v.confirmations) && (v.confirmations as number) >= 0)) {
    errors.push({ path: at("confirmations"), message: "Expected a whole number of blocks (0 or more)." });
  }
  for (const field of ["txTimeout", "pollInterval"] as const) {
    if (v[field] !== undefined && !(typeof v[field] === "number" && (v[field] as number) > 0)) {
      errors.push({ path: at(field), message: "Expected a number of seconds greater than 0." });
    }
  }
  if (v.feeBump !== undefined && v.feeBump !== false) {
    const bump = v.feeBump as Record<string, unknown> | null;
    if (bump === null || typeof bump !== "object" || Array.isArray(bump)) {
      errors.push({ path: at("feeBump"), message: "Expected false or { afterSeconds, percent, maxBumps }." });
    } else {
      if (bump.afterSeconds !== undefined && !(typeof bump.afterSeconds === "number" && bump.afterSeconds > 0)) {
        errors.push({ path: [...at("feeBump"), "afterSeconds"], message: "Expected a number of seconds greater than 0." });
      }
      if (bump.percent !== undefined && !(typeof bump.percent === "number" && bump.percent >= 10)) {
        errors.push({ path: [...at("feeBump"), "percent"], message: "Expected a percentage of at least 10 (nodes reject smaller bumps)." });
      }
      if (bump.maxBumps !== undefined && !(Number.isInteger(bump.maxBumps) && (bump.maxBumps as number) >= 1)) {
        errors.push({ path: [...at("feeBump"), "maxBumps"], message: "Expected a whole number, 1 or more." });
      }
    }
  }
  for (const key of Object.keys(v)) {
    if (!NETWORK_KEYS.includes(key)) {
      errors.push({ path: at(key), message: `Unknown option. Known options: ${NETWORK_KEYS.join(", ")}.` });
    }
  }
  return errors;
}
