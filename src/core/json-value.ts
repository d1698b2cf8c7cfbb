import type { JsonValue } from "./registry/registry-document.js";

/** A value decoded by ethers, as JSON for the registry: bigints as decimal strings, tuples as arrays. */
export function toJsonValue(value: unknown): JsonValue {
  if (typeof value === "bigint") {
    return value.toString();
  }
  if (Array.isArray(value)) {
    return Array.from(value, toJsonValue);
  }
  if (value === null || value === undefined) {
    return null;
  }
  if (typeof value === "object") {
    return String(value);
  }
  return value as JsonValue;
}
