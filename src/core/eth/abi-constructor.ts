import type { AbiInput, AbiParameter } from "./abi.js";
import { abiEntries } from "./abi.js";
import { coerceValues } from "./abi-coerce.js";
import { decodeParameters, encodeParameters } from "./abi-parameters.js";
import { concatHex, type HexString } from "./hex.js";

/** The constructor's parameters (none when the ABI declares no constructor). */
export function constructorInputs(abi: AbiInput): readonly AbiParameter[] {
  return abiEntries(abi).find((entry) => entry.type === "constructor")?.inputs ?? [];
}

/** `args` ABI-encoded for the constructor (coerced: see `coerceValues`): what follows the creation bytecode. */
export function encodeConstructorArgs(abi: AbiInput, args: readonly unknown[]): HexString {
  const inputs = constructorInputs(abi);
  return inputs.length === 0 && args.length === 0 ? "0x" : encodeParameters(inputs, coerceValues(inputs, args));
}

/** Creation bytecode followed by the encoded constructor arguments: a deployment's `data`. */
export function encodeDeployData(abi: AbiInput, bytecode: string, args: readonly unknown[]): HexString {
  return concatHex([bytecode, encodeConstructorArgs(abi, args)]);
}

/** The constructor arguments encoded in `data` (what follows the bytecode), as decodeParameters shapes them. */
export function decodeConstructorArgs(abi: AbiInput, data: string): unknown[] {
  const inputs = constructorInputs(abi);
  return inputs.length === 0 ? [] : decodeParameters(inputs, data);
}
