import { ERRORS, type ErrorArguments, type MigrationsErrorCode } from "./core/errors.js";
import type { MigrateResult } from "./core/results.js";
import type { StorageIncompatibility } from "./core/upgrades/layout-compatibility.js";

export { ERRORS, type ErrorArguments, type MigrationsErrorCode } from "./core/errors.js";

/** What a failed run carries besides its message. */
interface RunFailureData {
  /** The migrations completed (and recorded) before the failure. */
  readonly result: MigrateResult;
  /** True when the failed migration's partial state was rolled back (dev chains). */
  readonly rolledBack: boolean;
}

/** The data some failures carry, by code. */
export interface MigrationsErrorData {
  readonly MIGRATION_FAILED: RunFailureData;
  readonly MIGRATION_ALREADY_RECORDED: Partial<RunFailureData>;
  readonly JOURNAL_DIVERGED: Partial<RunFailureData>;
  readonly STORAGE_LAYOUT_INCOMPATIBLE: { readonly incompatibilities: readonly StorageIncompatibility[] };
}

/** A hardhat-migrations error with code `C`: its number, hint, typed arguments and data. */
export type MigrationsErrorOf<C extends MigrationsErrorCode = MigrationsErrorCode> = Error & {
  readonly code: C;
  readonly number: number;
  readonly hint: string;
  readonly args: ErrorArguments<C>;
} & (C extends keyof MigrationsErrorData ? MigrationsErrorData[C] : unknown);

/**
 * Whether `value` is an error of hardhat-migrations (with the given code, if any), as thrown by
 * `hre.migrations`, `connection.migrations` or the tasks:
 *
 *     try { await connection.migrations.run(); }
 *     catch (error) { if (isMigrationsError(error, "MIGRATION_FAILED")) console.log(error.result.migrations); }
 */
export function isMigrationsError<C extends MigrationsErrorCode = MigrationsErrorCode>(value: unknown, code?: C): value is MigrationsErrorOf<C> {
  if (!(value instanceof Error)) {
    return false;
  }
  const { code: actual, number } = value as { code?: unknown; number?: unknown };
  if (typeof actual !== "string" || !Object.hasOwn(ERRORS, actual)) {
    return false;
  }
  return ERRORS[actual as MigrationsErrorCode].number === number && (code === undefined || actual === code);
}
