import { MigrationsError } from "./errors.js";
import type { MigrationFile } from "./migration-file.js";

export interface PlanOptions {
  /** Run pending migrations up to and including this id. */
  readonly to?: number;
  /** Run pending migrations from this id on. */
  readonly from?: number;
  /** Run only this migration (if it is pending). */
  readonly only?: number;
}

/**
 * The migrations to run, in order: every migration not in `completed` (a set, so a late-added
 * lower id still runs), limited by `options`. Ids recorded without a file are ignored here.
 */
export function planUp(
  migrations: readonly MigrationFile[],
  completed: ReadonlySet<number>,
  options: PlanOptions = {},
): MigrationFile[] {
  for (const id of [options.to, options.from, options.only]) {
    if (id !== undefined) {
      requireKnownId(migrations, id);
    }
  }
  return migrations.filter(
    (m) =>
      !completed.has(m.id) &&
      (options.to === undefined || m.id <= options.to) &&
      (options.from === undefined || m.id >= options.from) &&
      (options.only === undefined || m.id === options.only),
  );
}

/** Throws UNKNOWN_MIGRATION_ID, naming the nearest ids, unless a migration has `id`. */
export function requireKnownId(migrations: readonly MigrationFile[], id: number): MigrationFile {
  const found = migrations.find((m) => m.id === id);
  if (found !== undefined) {
    return found;
  }
  const nearest = [...migrations]
    .sort((a, b) => Math.abs(a.id - id) - Math.abs(b.id - id) || a.id - b.id)
    .slice(0, 3)
    .sort((a, b) => a.id - b.id)
    .map((m) => m.fileName);
  throw new MigrationsError("UNKNOWN_MIGRATION_ID", {
    id,
    nearest: nearest.length > 0 ? ` (nearest: ${nearest.join(", ")})` : " (there are no migrations)",
  });
}

/** Parses a user-given migration id (CLI or API), or throws INVALID_OPTION. */
export function parseMigrationId(option: string, value: string | number): number {
  const id = typeof value === "number" ? value : /^\d+$/.test(value.trim()) ? Number(value.trim()) : Number.NaN;
  if (!Number.isSafeInteger(id) || id <= 0) {
    throw new MigrationsError("INVALID_OPTION", { option, reason: `expected a migration id (a positive integer), got "${value}".` });
  }
  return id;
}
