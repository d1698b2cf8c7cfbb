import { readFile } from "node:fs/promises";
import { pathToFileURL } from "node:url";

import { MigrationsError, describeError } from "./errors.js";
import type { MigrationFile } from "./migration-file.js";
import { planUp, type PlanOptions } from "./planner.js";
import type { MigrationHost } from "./session.js";
import { moduleFormat } from "./truffle/script-style.js";

/** The pseudo-network name that matches every dev chain (in-process, `hardhat node`, anvil). */
export const DEV_NETWORKS = "dev";

/** What a migration module declares about where it applies (`export const networks = [...]`). */
export interface MigrationSelection {
  readonly networks?: readonly string[];
  readonly skipNetworks?: readonly string[];
  readonly tags?: readonly string[];
}

/** The network a selection is evaluated on, and the run's `--tags`. */
export interface SelectionTarget {
  readonly network: string;
  readonly isDevChain: boolean;
  readonly tags?: readonly string[];
}

/** A migration left out of a run, and why (shown by `migrate` and `migrate status`). */
export interface SkippedMigration {
  readonly migration: MigrationFile;
  readonly reason: string;
}

/**
 * Reads `networks`, `skipNetworks` and `tags` from a migration's module (loaded the way the
 * run loads it, so it is loaded once). Truffle-style CommonJS scripts declare nothing.
 */
export async function readMigrationSelection(
  migration: MigrationFile,
  importModule: (url: string) => Promise<unknown>,
): Promise<MigrationSelection> {
  let source: string;
  try {
    source = await readFile(migration.path, "utf8");
  } catch (error) {
    throw new MigrationsError("MIGRATION_LOAD_FAILED", { file: migration.fileName, reason: describeError(error) }, { cause: error });
  }
  if (moduleFormat(migration.fileName, source) === "commonjs" || !/\b(networks|skipNetworks|tags)\b/.test(source)) {
    return {};
  }
  let mod: Record<string, unknown>;
  try {
    mod = (await importModule(`${pathToFileURL(migration.path).href}?content=${migration.contentHash.slice(2, 18)}`)) as Record<string, unknown>;
  } catch (error) {
    throw new MigrationsError("MIGRATION_LOAD_FAILED", { file: migration.fileName, reason: describeError(error) }, { cause: error });
  }
  const list = (name: keyof MigrationSelection): Partial<Record<keyof MigrationSelection, readonly string[]>> => {
    const value = mod[name];
    if (value === undefined) {
      return {};
    }
    if (!Array.isArray(value) || !value.every((v) => typeof v === "string" && v !== "")) {
      throw new MigrationsError("INVALID_MIGRATION_SELECTION", { file: migration.fileName, name, value: JSON.stringify(value) ?? String(value) });
    }
    return { [name]: value as string[] };
  };
  return { ...list("networks"), ...list("skipNetworks"), ...list("tags") };
}

/** Why `selection` leaves the migration out on `target`, or undefined when it applies. */
export function skipReason(selection: MigrationSelection, target: SelectionTarget): string | undefined {
  const matches = (names: readonly string[]) => names.includes(target.network) || (target.isDevChain && names.includes(DEV_NETWORKS));
  if (selection.networks !== undefined && !matches(selection.networks)) {
    return `only on ${selection.networks.join(", ")}`;
  }
  if (selection.skipNetworks !== undefined && matches(selection.skipNetworks)) {
    return `skipped on ${selection.skipNetworks.join(", ")}`;
  }
  if (target.tags !== undefined && target.tags.length > 0 && !(selection.tags ?? []).some((tag) => target.tags!.includes(tag))) {
    return selection.tags === undefined || selection.tags.length === 0
      ? `no tag (--tags ${target.tags.join(",")})`
      : `tagged ${selection.tags.join(", ")} (--tags ${target.tags.join(",")})`;
  }
  return undefined;
}

/** Splits `migrations` into those that apply on `target` and those skipped, with why. */
export async function selectMigrations(
  migrations: readonly MigrationFile[],
  target: SelectionTarget,
  importModule: (url: string) => Promise<unknown>,
): Promise<{ selected: MigrationFile[]; skipped: SkippedMigration[] }> {
  const selected: MigrationFile[] = [];
  const skipped: SkippedMigration[] = [];
  for (const migration of migrations) {
    const reason = skipReason(await readMigrationSelection(migration, importModule), target);
    if (reason === undefined) {
      selected.push(migration);
    } else {
      skipped.push({ migration, reason });
    }
  }
  return { selected, skipped };
}

/**
 * The run's plan (`planUp`), then the selection: the pending migrations that apply on the host's
 * network (and match `tags`), and those skipped, with why. Skipped migrations are not recorded,
 * so a later run where they apply (another network, another `--tags`) runs them.
 */
export async function planSelected<ContextT>(
  host: MigrationHost<ContextT>,
  migrations: readonly MigrationFile[],
  completed: ReadonlySet<number>,
  options: PlanOptions & { readonly tags?: readonly string[] },
): Promise<{ selected: MigrationFile[]; skipped: SkippedMigration[] }> {
  return selectMigrations(
    planUp(migrations, completed, options),
    { ...selectionTarget(host), ...(options.tags !== undefined ? { tags: options.tags } : {}) },
    (url) => host.scripts.importModule(url),
  );
}

/** The network `host`'s migrations are selected for. */
export function selectionTarget<ContextT>(host: MigrationHost<ContextT>): SelectionTarget {
  return host.settings.selectAs ?? { network: host.networkName, isDevChain: host.chain.isDevChain };
}
