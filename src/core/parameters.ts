import { readFile } from "node:fs/promises";

import { isAddress } from "./eth/address.js";

import { MigrationsError, describeError } from "./errors.js";

/** The parameters of one network, merged from every source, and where they came from. */
export interface ParameterSet {
  readonly values: Readonly<Record<string, unknown>>;
  /** Where parameters can be set on this network, for error messages (e.g. "migrations/parameters/sepolia.json"). */
  readonly sources: readonly string[];
}

/** `ctx.parameters`: this network's parameters, read by name with a type check. */
export interface MigrationParameters {
  /** The value of `name`, as `T` (unchecked); throws MISSING_PARAMETER when it is not set. */
  get<T = unknown>(name: string): T;
  /** The value of `name`, or `fallback` when it is not set. */
  get<T>(name: string, fallback: T): T;
  has(name: string): boolean;
  /** Checked reads: MISSING_PARAMETER when unset, PARAMETER_WRONG_TYPE when of another type. */
  string(name: string): string;
  number(name: string): number;
  boolean(name: string): boolean;
  /** A bigint: a bigint in config, a string ending in n ("10n") in JSON, or a safe integer number. */
  bigint(name: string): bigint;
  /** A 0x-prefixed 20-byte address. */
  address(name: string): string;
  /** Every parameter, by name. */
  all(): Readonly<Record<string, unknown>>;
}

const BIGINT_STRING = /^-?\d+n$/;

/**
 * JSON parameters with the bigint convention applied: a string of digits ending in `n`
 * ("1000n") is the bigint 1000n, at any depth. Other values are kept as they are.
 */
export function decodeParameterValue(value: unknown): unknown {
  if (typeof value === "string" && BIGINT_STRING.test(value)) {
    return BigInt(value.slice(0, -1));
  }
  if (Array.isArray(value)) {
    return value.map(decodeParameterValue);
  }
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, decodeParameterValue(v)]));
  }
  return value;
}

/** Reads a parameters file (a JSON object); a missing file is `undefined` unless `required`. */
export async function readParametersFile(file: string, required: boolean): Promise<Record<string, unknown> | undefined> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (error) {
    if (!required && (error as NodeJS.ErrnoException).code === "ENOENT") {
      return undefined;
    }
    throw new MigrationsError("INVALID_PARAMETERS_FILE", { file, reason: describeError(error) }, { cause: error });
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new MigrationsError("INVALID_PARAMETERS_FILE", { file, reason: `it is not JSON (${describeError(error)})` }, { cause: error });
  }
  if (parsed === null || typeof parsed !== "object" || Array.isArray(parsed)) {
    throw new MigrationsError("INVALID_PARAMETERS_FILE", { file, reason: "it is not a JSON object" });
  }
  return decodeParameterValue(parsed) as Record<string, unknown>;
}

function describeValue(value: unknown): string {
  if (typeof value === "bigint") {
    return `the bigint ${value}n`;
  }
  if (Array.isArray(value)) {
    return "a list";
  }
  return `${value === null ? "null" : `a ${typeof value}`} (${JSON.stringify(value)})`;
}

/** `ctx.parameters` over `set`, for `network`. */
export function createMigrationParameters(network: string, set: ParameterSet): MigrationParameters {
  const values = set.values;
  const has = (name: string) => Object.prototype.hasOwnProperty.call(values, name) && values[name] !== undefined;
  const sources = set.sources.join(", ");
  const require = (name: string): unknown => {
    if (!has(name)) {
      const known = Object.keys(values).sort();
      throw new MigrationsError("MISSING_PARAMETER", { name, network, known: known.length > 0 ? known.join(", ") : "none", sources });
    }
    return values[name];
  };
  const typed = <T>(name: string, expected: string, convert: (value: unknown) => T | undefined): T => {
    const value = require(name);
    const converted = convert(value);
    if (converted === undefined) {
      throw new MigrationsError("PARAMETER_WRONG_TYPE", { name, network, actual: describeValue(value), expected, sources });
    }
    return converted;
  };
  function get<T>(name: string, ...fallback: [T?]): T {
    if (fallback.length > 0 && !has(name)) {
      return fallback[0] as T;
    }
    return require(name) as T;
  }
  return {
    get,
    has,
    string: (name) => typed(name, "a string", (v) => (typeof v === "string" ? v : undefined)),
    number: (name) => typed(name, "a number", (v) => (typeof v === "number" ? v : undefined)),
    boolean: (name) => typed(name, "true or false", (v) => (typeof v === "boolean" ? v : undefined)),
    bigint: (name) =>
      typed(name, "a bigint", (v) => (typeof v === "bigint" ? v : typeof v === "number" && Number.isSafeInteger(v) ? BigInt(v) : undefined)),
    address: (name) => typed(name, "an address", (v) => (typeof v === "string" && isAddress(v) ? v : undefined)),
    all: () => ({ ...values }),
  };
}
