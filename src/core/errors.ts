import { FEATURE_ERRORS } from "./error-table-features.js";
import { LIVE_ERRORS } from "./error-table-live.js";
import { RUN_ERRORS } from "./error-table-runs.js";
import { SAFE_ERRORS } from "./error-table-safe.js";

/**
 * Every error a user can cause, as a descriptor: a stable code and number, a message template
 * with `{placeholders}`, and a hint that says how to fix it. Codes and numbers never change
 * meaning once released; new errors take new numbers.
 */
export const ERRORS = {
  ...RUN_ERRORS,
  ...LIVE_ERRORS,
  ...FEATURE_ERRORS,
  ...SAFE_ERRORS,
} as const;

export type MigrationsErrorCode = keyof typeof ERRORS;

/** What a placeholder can be filled with. */
export type ErrorArgumentValue = string | number | bigint;

/** `{name}` placeholders of a template, as `fill` finds them (a word between braces). */
type Placeholders<S extends string> = S extends `${string}{${infer Inside}}${infer Rest}` ? PlaceholderName<Innermost<Inside>> | Placeholders<Rest> : never;
type Innermost<S extends string> = S extends `${string}{${infer After}` ? Innermost<After> : S;
type PlaceholderName<S extends string> = S extends "" ? never : S extends `${string}${" " | ":" | '"' | "." | "," | "<" | ">" | "(" | ")"}${string}` ? never : S;

/**
 * The arguments of one descriptor, derived from its message and hint templates: a missing or
 * misspelled placeholder is a compile error (as in `@nomicfoundation/hardhat-errors`).
 */
export type ErrorArguments<C extends MigrationsErrorCode = MigrationsErrorCode> = {
  readonly [K in Placeholders<(typeof ERRORS)[C]["message"]> | Placeholders<(typeof ERRORS)[C]["hint"]>]: ErrorArgumentValue;
};

/**
 * An error a user can act on; the Hardhat adapter shows it without a stack trace. Failures that
 * carry more than their message (a run's partial result, a layout report) subclass it.
 */
export class MigrationsError<C extends MigrationsErrorCode = MigrationsErrorCode> extends Error {
  readonly code: C;
  readonly number: number;
  readonly hint: string;
  readonly args: ErrorArguments<C>;

  constructor(code: C, args: ErrorArguments<C>, options?: { cause?: unknown }) {
    const descriptor = ERRORS[code];
    super(`HHM${descriptor.number}: ${fill(descriptor.message, args)}`, options);
    this.name = "MigrationsError";
    this.code = code;
    this.number = descriptor.number;
    this.hint = fill(descriptor.hint, args);
    this.args = args;
  }

  static is<C extends MigrationsErrorCode = MigrationsErrorCode>(value: unknown, code?: C): value is MigrationsError<C> {
    return value instanceof MigrationsError && (code === undefined || value.code === code);
  }
}

function fill(template: string, args: object): string {
  const values = args as Record<string, ErrorArgumentValue>;
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => (key in values ? String(values[key]) : whole));
}

/** The most useful one-line description of something thrown by user code or a library. */
export function describeError(error: unknown): string {
  if (error instanceof Error) {
    const withShort = error as Error & { shortMessage?: unknown; reason?: unknown };
    if (typeof withShort.shortMessage === "string" && withShort.shortMessage !== "") {
      return withShort.shortMessage;
    }
    return error.message;
  }
  return String(error);
}
