import type { ParamType, Result } from "ethers";

import { TruffleBN, toBigInt } from "./bn.js";

/**
 * Arguments from a Truffle script for ethers: BNs (ours, bn.js, web3's) become bigints,
 * everywhere in arrays and structs; everything else is passed as is.
 */
export function toEthersValue(value: unknown): unknown {
  if (TruffleBN.isBN(value)) {
    return toBigInt(value as TruffleBN);
  }
  if (Array.isArray(value)) {
    return value.map(toEthersValue);
  }
  if (value !== null && typeof value === "object" && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toEthersValue(v)]));
  }
  return value;
}

/**
 * A decoded ABI value as web3 (and so Truffle) returns it: integers as BNs, tuples as arrays that
 * also have their members by name, everything else as ethers decodes it.
 */
export function toTruffleValue(type: ParamType, value: unknown): unknown {
  if (type.baseType === "array") {
    return Array.from(value as unknown[], (item) => toTruffleValue(type.arrayChildren!, item));
  }
  if (type.baseType === "tuple") {
    return namedList(type.components!, value as Result);
  }
  if (typeof value === "bigint") {
    return new TruffleBN(value);
  }
  return value;
}

/** Values with their positions and names (web3's `Result`): `r[0]`, `r.balance`. */
export function namedList(types: readonly ParamType[], values: Result | readonly unknown[]): unknown[] {
  const list: unknown[] = types.map((t, i) => toTruffleValue(t, values[i]));
  types.forEach((t, i) => {
    if (t.name !== "" && !/^\d+$/.test(t.name)) {
      Object.defineProperty(list, t.name, { value: list[i], enumerable: true });
    }
  });
  return list;
}

/** What a call returns in Truffle: the value itself for one output, else a `Result`-like object. */
export function callResult(outputs: readonly ParamType[], values: Result): unknown {
  if (outputs.length === 0) {
    return undefined;
  }
  if (outputs.length === 1) {
    return toTruffleValue(outputs[0]!, values[0]);
  }
  const result: Record<string, unknown> = {};
  outputs.forEach((t, i) => {
    result[i] = toTruffleValue(t, values[i]);
    if (t.name !== "") {
      result[t.name] = result[i];
    }
  });
  return result;
}
