import { HardhatPluginError } from "hardhat/plugins";

import { MigrationsError, type ErrorArguments, type MigrationsErrorCode } from "../core/errors.js";
import { MigrationRunError } from "../core/migration-run-error.js";
import type { MigrateResult } from "../core/results.js";
import type { StorageIncompatibility } from "../core/upgrades/layout-compatibility.js";
import { StorageLayoutIncompatibleError } from "../core/upgrades/storage-layout-error.js";

export const PLUGIN_ID = "hardhat-migrations";

/**
 * A user error as Hardhat shows it: a clean message (no stack trace unless
 * --show-stack-traces), with the engine's code, hint, arguments, data and cause kept for code.
 */
export class MigrationsPluginError<C extends MigrationsErrorCode = MigrationsErrorCode> extends HardhatPluginError {
  readonly code: C;
  readonly number: number;
  readonly hint: string;
  readonly args: ErrorArguments<C>;
  /** A failed run: what it completed before the failure. */
  readonly result?: MigrateResult;
  /** A failed run: whether the failed migration's partial state was rolled back. */
  readonly rolledBack?: boolean;
  /** A refused upgrade: every storage incompatibility found. */
  readonly incompatibilities?: readonly StorageIncompatibility[];

  constructor(error: MigrationsError<C>, redact: (text: string) => string = (text) => text) {
    super(PLUGIN_ID, redact(`${error.message}\n${error.hint}`), error);
    this.code = error.code;
    this.number = error.number;
    this.hint = redact(error.hint);
    this.args = error.args;
    if (error instanceof MigrationRunError) {
      this.result = error.result;
      this.rolledBack = error.rolledBack;
    }
    if (error instanceof StorageLayoutIncompatibleError) {
      this.incompatibilities = error.incompatibilities;
    }
  }
}

/**
 * Runs `action`, turning the engine's user errors into Hardhat plugin errors (for tasks and
 * internal callers; the public façades are also wrapped by `redactAtBoundary`, which removes secrets).
 */
export async function asPluginErrors<T>(action: () => Promise<T>, redact: () => (text: string) => string = () => (text) => text): Promise<T> {
  try {
    return await action();
  } catch (error) {
    if (error instanceof MigrationsError) {
      throw new MigrationsPluginError(error, redact());
    }
    throw error;
  }
}
