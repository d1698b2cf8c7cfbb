import { createRedactor } from "../core/redact.js";
import { MigrationsError } from "../core/errors.js";
import { MigrationsPluginError } from "./plugin-error.js";

type Redact = (text: string) => string;

/**
 * The one place secrets are removed: wraps a public façade (`hre.migrations`,
 * `connection.migrations`) so that every method it has, now and later, comes out clean. Whatever
 * it throws is a user error (engine errors become Hardhat plugin errors) with the configured
 * secrets (RPC URLs, keys, mnemonic, headers) removed from its message, hint, stack and causes;
 * what its `on…` callbacks receive (events, progress) is redacted the same way. `nested` names
 * properties that are façades themselves (e.g. `registry`).
 */
export function redactAtBoundary<T extends object>(target: T, secrets: () => Promise<readonly string[]>, nested: readonly (keyof T)[] = []): T {
  let redactor: Promise<Redact> | undefined;
  // Resolved on the first call (the config's variables may not be readable before), then kept.
  const redact = (): Promise<Redact> => {
    redactor ??= secrets().then(createRedactor, () => createRedactor([]));
    return redactor;
  };
  return wrap(target, redact, nested);
}

function wrap<T extends object>(target: T, redact: () => Promise<Redact>, nested: readonly (keyof T)[]): T {
  const wrapped = new Map<PropertyKey, unknown>();
  for (const key of nested) {
    const inner = target[key];
    if (typeof inner === "object" && inner !== null) {
      wrapped.set(key, wrap(inner, redact, []));
    }
  }
  return new Proxy(target, {
    get(object, key) {
      if (wrapped.has(key)) {
        return wrapped.get(key);
      }
      // Read on the object itself: its methods use private fields, which a proxy does not have.
      const value: unknown = Reflect.get(object, key, object);
      if (typeof value !== "function" || key === "constructor") {
        return value;
      }
      return async (...args: unknown[]) => {
        const clean = await redact();
        try {
          return await (value as (...a: unknown[]) => unknown).apply(object, args.map((arg) => withRedactedCallbacks(arg, clean)));
        } catch (error) {
          throw toUserError(error, clean);
        }
      };
    },
  });
}

/** An error as the user gets it: a plugin error for engine errors, secrets removed throughout. */
export function toUserError(error: unknown, redact: Redact): unknown {
  const user = error instanceof MigrationsError ? new MigrationsPluginError(error, redact) : error;
  redactErrorChain(user, redact);
  return user;
}

function redactErrorChain(error: unknown, redact: Redact): void {
  const seen = new Set<unknown>();
  for (let current = error; current instanceof Error && !seen.has(current); current = current.cause) {
    seen.add(current);
    current.message = redact(current.message);
    if (current.stack !== undefined) {
      current.stack = redact(current.stack);
    }
    if (current instanceof MigrationsPluginError || current instanceof MigrationsError) {
      Object.defineProperty(current, "hint", { value: redact(current.hint) });
    }
    for (const key of ["shortMessage", "reason", "body", "url"] as const) {
      const field = (current as unknown as Record<string, unknown>)[key];
      if (typeof field === "string") {
        Object.defineProperty(current, key, { value: redact(field), configurable: true, writable: true });
      }
    }
  }
}

/** An options object whose `on…` callbacks receive redacted values; anything else as is. */
function withRedactedCallbacks(arg: unknown, redact: Redact): unknown {
  if (typeof arg !== "object" || arg === null || Array.isArray(arg) || Object.getPrototypeOf(arg) !== Object.prototype) {
    return arg;
  }
  const entries = Object.entries(arg).map(([key, value]) =>
    /^on[A-Z]/.test(key) && typeof value === "function"
      ? [key, (...values: unknown[]) => (value as (...a: unknown[]) => unknown)(...values.map((v) => redactValue(v, redact)))]
      : [key, value],
  );
  return Object.fromEntries(entries);
}

function redactValue(value: unknown, redact: Redact): unknown {
  if (typeof value === "string") {
    return redact(value);
  }
  if (value instanceof Error) {
    redactErrorChain(value, redact);
    return value;
  }
  if (typeof value === "object" && value !== null && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(Object.entries(value).map(([key, field]) => [key, typeof field === "string" || field instanceof Error ? redactValue(field, redact) : field]));
  }
  return value;
}
