/**
 * A condition the code guarantees, never a user mistake: when it fails, it is a bug of
 * hardhat-migrations, reported as such (user errors are coded `MigrationsError`s instead).
 */
export class InternalError extends Error {
  constructor(message: string) {
    super(`hardhat-migrations internal error: ${message}. Please report it.`);
    this.name = "InternalError";
  }
}

export function invariant(condition: unknown, message: string): asserts condition {
  if (!condition) {
    throw new InternalError(message);
  }
}
