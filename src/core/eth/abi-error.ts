import * as AbiError from "ox/AbiError";

import { type AbiInput, abiEntries } from "./abi.js";
import { decodeParameters } from "./abi-parameters.js";

/**
 * The custom error of `abi` that `data` (revert data: a 4-byte selector and the ABI-encoded
 * arguments) is, with its arguments; undefined when the selector is none of the ABI's errors or
 * the arguments do not decode.
 */
export function decodeErrorData(abi: AbiInput, data: string): { name: string; args: unknown[] } | undefined {
  if (!/^0x[0-9a-fA-F]{8}/.test(data)) {
    return undefined;
  }
  const selector = data.slice(0, 10).toLowerCase();
  for (const entry of abiEntries(abi)) {
    if (entry.type === "error" && AbiError.getSelector(entry as AbiError.AbiError) === selector) {
      try {
        return { name: entry.name!, args: decodeParameters(entry.inputs ?? [], `0x${data.slice(10)}`) };
      } catch {
        return undefined;
      }
    }
  }
  return undefined;
}
