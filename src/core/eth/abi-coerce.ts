import type { AbiParameter } from "./abi.js";
import { bytesToHex } from "./hex.js";

/**
 * `values` for `params`, in the shapes the encoder takes, accepting what contract libraries accept
 * (ethers' BigNumberish, Truffle's numbers): integers as bigint, number or numeric string (decimal
 * or 0x hex), bytes as hex or Uint8Array, tuples as arrays or objects by component name. Anything
 * else is passed on as it is: the encoder rejects it with its own message.
 */
export function coerceValues(params: readonly AbiParameter[], values: readonly unknown[]): unknown[] {
  return values.map((value, i) => (params[i] === undefined ? value : coerceValue(params[i], value)));
}

export function coerceValue(param: AbiParameter, value: unknown): unknown {
  const array = /^(.*)\[(\d*)\]$/.exec(param.type);
  if (array !== null) {
    return Array.isArray(value) ? value.map((item) => coerceValue({ ...param, type: array[1]! }, item)) : value;
  }
  if (param.type === "tuple") {
    const components = param.components ?? [];
    if (Array.isArray(value)) {
      return components.map((component, i) => coerceValue(component, (value as unknown[])[i]));
    }
    if (value !== null && typeof value === "object") {
      return components.map((component) => coerceValue(component, (value as Record<string, unknown>)[component.name ?? ""]));
    }
    return value;
  }
  if (/^u?int\d*$/.test(param.type)) {
    if (typeof value === "number" && Number.isSafeInteger(value)) {
      return BigInt(value);
    }
    if (typeof value === "string" && /^-?(0x[0-9a-fA-F]+|\d+)$/.test(value.trim())) {
      const text = value.trim();
      return text.startsWith("-") ? -BigInt(text.slice(1)) : BigInt(text);
    }
    return value;
  }
  if (param.type.startsWith("bytes") && value instanceof Uint8Array) {
    return bytesToHex(value);
  }
  return value;
}
