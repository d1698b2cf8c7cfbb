import * as AbiFunction from "ox/AbiFunction";

import { type AbiInput, requireEntry } from "./abi.js";
import { coerceValues } from "./abi-coerce.js";
import { decodeParameters } from "./abi-parameters.js";
import type { HexString } from "./hex.js";

/** Call data of `fn` ("owner", or a signature for an overload) with `args` (coerced: see `coerceValues`). */
export function encodeFunctionCall(abi: AbiInput, fn: string, args: readonly unknown[] = []): HexString {
  const entry = requireEntry(abi, "function", fn);
  return AbiFunction.encodeData(entry as AbiFunction.AbiFunction, coerceValues(entry.inputs ?? [], args) as never);
}

/** The values `fn` returned in `data`, as an array in the shape of `decodeParameters`. */
export function decodeFunctionResult(abi: AbiInput, fn: string, data: string): unknown[] {
  const entry = requireEntry(abi, "function", fn);
  return decodeParameters(entry.outputs ?? [], data);
}

/** The 4-byte selector of `fn`, as hex. */
export function functionSelector(abi: AbiInput, fn: string): HexString {
  return AbiFunction.getSelector(requireEntry(abi, "function", fn) as AbiFunction.AbiFunction);
}
