import { HardhatPluginError } from "hardhat/plugins";

import { MigrationsError, type ErrorArguments, type MigrationsErrorCode } from "../core/errors.js";

export const PLUGIN_ID = "hardhat-migrations";

/**
 * A user error as Hardhat shows it: a clean message (no stack trace unless
 * --show-stack-traces), with the engine's code, hint, arguments and cause kept for code.
 */
export class MigrationsPluginError extends HardhatPluginError {
  readonly code: MigrationsErrorCode;
  readonly number: number;
  readonly hint: string;
  readonly args: ErrorArguments;

  constructor(error: MigrationsError) {
    super(PLUGIN_ID, `${error.message}\n${error.hint}`, error);
    this.code = error.code;
    this.number = error.number;
    this.hint = error.hint;
    this.args = error.args;
    for (const key of ["result", "rolledBack"] as const) {
      if (key in error) {
        Object.assign(this, { [key]: (error as unknown as Record<string, unknown>)[key] });
      }
    }
  }
}

/** Runs `action`, turning the engine's user errors into Hardhat plugin errors. */
export async function asPluginErrors<T>(action: () => Promise<T>): Promise<T> {
  try {
    return await action();
  } catch (error) {
    throw error instanceof MigrationsError ? new MigrationsPluginError(error) : error;
  }
}
