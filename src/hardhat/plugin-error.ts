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

  constructor(error: MigrationsError, redact: (text: string) => string = (text) => text) {
    super(PLUGIN_ID, redact(`${error.message}\n${error.hint}`), error);
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

/**
 * Runs `action`, turning the engine's user errors into Hardhat plugin errors, with secrets (RPC
 * URLs, keys) removed from whatever message comes out.
 */
export async function asPluginErrors<T>(action: () => Promise<T>, redact: () => (text: string) => string = () => (text) => text): Promise<T> {
  try {
    return await action();
  } catch (error) {
    const clean = redact();
    if (error instanceof MigrationsError) {
      throw new MigrationsPluginError(error, clean);
    }
    if (error instanceof Error) {
      error.message = clean(error.message);
      if (error.stack !== undefined) {
        error.stack = clean(error.stack);
      }
    }
    throw error;
  }
}
