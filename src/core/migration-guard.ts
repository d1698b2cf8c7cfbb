import { MigrationsError } from "./errors.js";

/** A migration's time limit when none is configured: an hour on live networks, 10 minutes on dev chains. */
export function defaultMigrationTimeoutMs(isDevChain: boolean): number {
  return isDevChain ? 600_000 : 3_600_000;
}

type ExitHandler = (code: number | string | null | undefined) => MigrationsError;

const handlers = new Set<ExitHandler>();
let originalExit: typeof process.exit | undefined;

/**
 * Runs `body` (a migration's script and its transactions) so that it always ends in a way the
 * run can report: within `timeoutMs` (0 or undefined: no limit) or MIGRATION_TIMED_OUT, and never
 * by ending the process: a `process.exit()` call throws MIGRATION_CALLED_EXIT where it was made
 * and fails the migration even if the script catches that error. The script keeps running after
 * a timeout (JavaScript cannot stop it); the caller treats the migration as failed.
 */
export async function guardMigration<T>(file: string, timeoutMs: number | undefined, body: () => Promise<T>): Promise<T> {
  let fail!: (error: MigrationsError) => void;
  const abnormal = new Promise<never>((_, reject) => (fail = reject));
  abnormal.catch(() => {});
  const handler: ExitHandler = (code) => {
    const error = new MigrationsError("MIGRATION_CALLED_EXIT", { file, code: code === undefined ? "" : String(code) });
    fail(error);
    return error;
  };
  interceptExit(handler);
  const timer =
    timeoutMs !== undefined && timeoutMs > 0
      ? setTimeout(() => fail(new MigrationsError("MIGRATION_TIMED_OUT", { file, seconds: Math.round(timeoutMs / 100) / 10 })), timeoutMs)
      : undefined;
  try {
    return await Promise.race([body(), abnormal]);
  } finally {
    clearTimeout(timer);
    releaseExit(handler);
  }
}

function interceptExit(handler: ExitHandler): void {
  if (handlers.size === 0) {
    originalExit = process.exit;
    process.exit = ((code?: number | string | null) => {
      let first: MigrationsError | undefined;
      for (const active of handlers) {
        first ??= active(code);
      }
      throw first!;
    }) as typeof process.exit;
  }
  handlers.add(handler);
}

function releaseExit(handler: ExitHandler): void {
  handlers.delete(handler);
  if (handlers.size === 0 && originalExit !== undefined) {
    process.exit = originalExit;
    originalExit = undefined;
  }
}
