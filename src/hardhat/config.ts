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
}

export interface MigrationsConfig {
  dir: string;
  registryDir: string;
  deployer: number | string;
  rollback: boolean;
  inProcessRegistry: "memory" | "file";
}

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
  const known = new Set(["dir", "registryDir", "deployer", "rollback", "inProcessRegistry"]);
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
  };
}
