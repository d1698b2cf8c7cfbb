import { MigrationsError, type ErrorArguments } from "./errors.js";
import type { MigrateResult } from "./results.js";

/** The codes a failed run ends with: its own failure, or a refusal that stopped it mid-way. */
export type MigrationRunErrorCode = "MIGRATION_FAILED" | "MIGRATION_ALREADY_RECORDED" | "JOURNAL_DIVERGED" | "SAFE_AWAITING_APPROVAL";

/**
 * A run that stopped on a failing migration: what the run completed before it, and whether the
 * failed migration's partial state was rolled back (dev chains with snapshots only).
 */
export class MigrationRunError<C extends MigrationRunErrorCode = MigrationRunErrorCode> extends MigrationsError<C> {
  /** The migrations completed (and recorded) before the failure. */
  readonly result: MigrateResult;
  /** True when the chain and the registry were reverted to before the failed migration. */
  readonly rolledBack: boolean;

  constructor(code: C, args: ErrorArguments<C>, failure: { readonly result: MigrateResult; readonly rolledBack: boolean; readonly cause?: unknown }) {
    super(code, args, { cause: failure.cause });
    this.name = "MigrationRunError";
    this.result = failure.result;
    this.rolledBack = failure.rolledBack;
  }
}
