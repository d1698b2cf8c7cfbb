import type { ArtifactResolver } from "../artifacts.js";
import { describeError } from "../errors.js";
import { type AbiInput, abiEntries, encodeFunctionCall, isAddress, requireEntry, signatureOf } from "../eth/index.js";
import type { Registry } from "../registry/registry.js";
import type { SafeCall } from "./safe-transaction.js";

/**
 * What `ctx.safe(…).call` accepts as its target: a registry name, an address, or a contract (an
 * ethers `Contract`: its address and its interface's JSON ABI are all that is read).
 */
export type SafeCallTarget = string | { getAddress(): Promise<string>; readonly interface: { formatJson(): string } };

/** Options of `ctx.safe(…).call`. */
export interface SafeCallOptions {
  /** Wei the Safe sends with the call. */
  readonly value?: bigint | number | string;
}

/** A call made ready for the Safe, with a description for people (`Box.setValue(42) at 0x…`). */
export interface EncodedSafeCall {
  readonly call: SafeCall;
  readonly description: string;
}

/**
 * Encodes `fn(args)` on `target`: the ABI of a registry entry's artifact, of a contract, or (for a
 * bare address) `fn` given as a signature such as `setFee(uint256)`. Throws a plain Error whose
 * message says what is wrong (the caller wraps it with the migration's name).
 */
export async function encodeSafeCall(
  target: SafeCallTarget,
  fn: string,
  args: readonly unknown[],
  options: SafeCallOptions,
  lookup: { readonly registry: Registry; readonly artifacts: ArtifactResolver },
): Promise<EncodedSafeCall> {
  if (!Array.isArray(args)) {
    throw new Error("the arguments must be an array");
  }
  let address: string;
  let abi: AbiInput;
  let key = fn;
  let label: string;
  if (typeof target !== "string") {
    address = await target.getAddress();
    abi = JSON.parse(target.interface.formatJson()) as AbiInput;
    label = "contract";
  } else if (isAddress(target)) {
    if (!fn.includes("(")) {
      throw new Error(`with an address as the target, give the function's signature (e.g. "${fn}(uint256)"), not only its name`);
    }
    address = target;
    abi = [`function ${fn}`];
    key = signatureOf(abiEntries(abi)[0]!); // "f(uint256 x)" names the function "f(uint256)"
    label = "contract";
  } else {
    const entry = lookup.registry.get(target);
    address = entry.address;
    abi = (await lookup.artifacts.readArtifact(entry.artifact)).abi as AbiInput;
    label = target;
  }
  let data: string;
  let name: string;
  try {
    name = requireEntry(abi, "function", key).name!;
    data = encodeFunctionCall(abi, key, args);
  } catch (error) {
    throw new Error(`cannot encode ${fn}(…) with ${args.length} argument(s): ${describeError(error)}`);
  }
  const value = BigInt(options.value ?? 0).toString();
  const shown = args.map((arg) => (typeof arg === "bigint" ? arg.toString() : JSON.stringify(arg))).join(", ");
  return {
    call: { to: address, value, data },
    description: `${label}.${name}(${shown}) at ${address}${value !== "0" ? ` with ${value} wei` : ""}`,
  };
}

/** A raw call for `ctx.safe(…).send`. */
export function rawSafeCall(tx: { readonly to: string; readonly data?: string; readonly value?: bigint | number | string }): EncodedSafeCall {
  if (!isAddress(tx.to)) {
    throw new Error(`"to" must be an address, got ${String(tx.to)}`);
  }
  const value = BigInt(tx.value ?? 0).toString();
  const data = tx.data ?? "0x";
  return { call: { to: tx.to, value, data }, description: `call to ${tx.to} with data ${data.length > 74 ? `${data.slice(0, 74)}…` : data}${value !== "0" ? ` and ${value} wei` : ""}` };
}
