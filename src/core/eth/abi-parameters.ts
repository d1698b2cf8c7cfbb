import * as AbiParameters from "ox/AbiParameters";

import type { AbiParameter } from "./abi.js";
import type { HexString } from "./hex.js";

/** Parameters as JSON ABI parameters, or elementary type names ("address", "uint256"). */
export type ParameterList = readonly (AbiParameter | string)[];

function asParameters(params: ParameterList): AbiParameters.AbiParameters {
  return params.map((param) => (typeof param === "string" ? { type: param } : param)) as unknown as AbiParameters.AbiParameters;
}

/** `abi.encode(values…)` for `params`: integers as bigint (or number), addresses and bytes as hex, tuples as arrays or objects. */
export function encodeParameters(params: ParameterList, values: readonly unknown[]): HexString {
  return AbiParameters.encode(asParameters(params), values as never);
}

/**
 * `abi.decode(data, (params…))`, every value in one shape whatever the parameter names: integers
 * as bigint (any width), addresses checksummed, bytes lowercase hex, arrays and tuples as arrays
 * in declaration order.
 */
export function decodeParameters(params: ParameterList, data: string): unknown[] {
  const list = asParameters(params) as unknown as readonly AbiParameter[];
  const values = AbiParameters.decode(list as unknown as AbiParameters.AbiParameters, data as HexString, { as: "Array" }) as readonly unknown[];
  return list.map((param, i) => normalize(param, values[i]));
}

/** A decoded value in the one shape `decodeParameters` documents. */
export function normalize(param: AbiParameter, value: unknown): unknown {
  const array = /^(.*)\[(\d*)\]$/.exec(param.type);
  if (array !== null) {
    const element: AbiParameter = { ...param, type: array[1]! };
    return (value as readonly unknown[]).map((item) => normalize(element, item));
  }
  if (param.type === "tuple") {
    const components = param.components ?? [];
    return components.map((component, i) =>
      normalize(component, Array.isArray(value) ? (value as unknown[])[i] : (value as Record<string, unknown>)[component.name ?? ""]),
    );
  }
  if (/^u?int\d*$/.test(param.type) && typeof value === "number") {
    return BigInt(value);
  }
  return value;
}
