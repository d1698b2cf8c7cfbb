import { Interface, isAddress, type InterfaceAbi } from "ethers";

import type { ArtifactResolver } from "../artifacts.js";
import { describeError } from "../errors.js";
import type { Registry } from "../registry/registry.js";
import type { SafeCall } from "./safe-transaction.js";

/** What `ctx.safe(…).call` accepts as its target: a registry name, an address, or a contract (ethers). */
export type SafeCallTarget = string | { getAddress(): Promise<string>; readonly interface: Interface };

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
  let iface: Interface;
  let label: string;
  if (typeof target !== "string") {
    address = await target.getAddress();
    iface = target.interface;
    label = "contract";
  } else if (isAddress(target)) {
    if (!fn.includes("(")) {
      throw new Error(`with an address as the target, give the function's signature (e.g. "${fn}(uint256)"), not only its name`);
    }
    address = target;
    iface = new Interface([`function ${fn}`]);
    label = "contract";
  } else {
    const entry = lookup.registry.get(target);
    address = entry.address;
    iface = new Interface((await lookup.artifacts.readArtifact(entry.artifact)).abi as InterfaceAbi);
    label = target;
  }
  let data: string;
  try {
    data = iface.encodeFunctionData(fn, args);
  } catch (error) {
    throw new Error(`cannot encode ${fn}(…) with ${args.length} argument(s): ${describeError(error)}`);
  }
  const value = BigInt(options.value ?? 0).toString();
  const name = iface.getFunction(fn)!.name;
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
