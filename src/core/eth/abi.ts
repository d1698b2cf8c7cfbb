import * as OxAbi from "ox/Abi";
import * as AbiItem from "ox/AbiItem";

/** One parameter of an ABI item, as the Solidity compiler's JSON ABI writes it. */
export interface AbiParameter {
  readonly type: string;
  readonly name?: string;
  readonly indexed?: boolean;
  readonly components?: readonly AbiParameter[];
}

/** A function, constructor, event or error of a JSON ABI. */
export interface AbiEntry {
  readonly type: string;
  readonly name?: string;
  readonly inputs?: readonly AbiParameter[];
  readonly outputs?: readonly AbiParameter[];
  readonly anonymous?: boolean;
}

/** An ABI: the compiler's JSON entries, or human-readable signatures ("function owner() view returns (address)"). */
export type AbiInput = readonly unknown[];

const parsed = new WeakMap<object, readonly AbiEntry[]>();

/** The ABI's entries (human-readable signatures parsed once per ABI array). */
export function abiEntries(abi: AbiInput): readonly AbiEntry[] {
  let entries = parsed.get(abi);
  if (entries === undefined) {
    entries = (abi.some((item) => typeof item === "string") ? OxAbi.from(abi as readonly string[]) : abi) as readonly AbiEntry[];
    parsed.set(abi, entries);
  }
  return entries;
}

/** `name(type1,type2)` of a function, event or error: what its selector or topic is the hash of. */
export function signatureOf(entry: AbiEntry): string {
  return AbiItem.getSignature(entry as AbiItem.AbiItem);
}

/**
 * The entry of kind `type` named `nameOrSignature` ("owner", or "owner()" to tell overloads apart);
 * undefined when there is none; throws when a bare name matches several overloads.
 */
export function findEntry(abi: AbiInput, type: "function" | "event" | "error", nameOrSignature: string): AbiEntry | undefined {
  const wanted = nameOrSignature.replace(/\s+/g, "");
  const bySignature = wanted.includes("(");
  const matches = abiEntries(abi).filter((entry) => entry.type === type && (bySignature ? signatureOf(entry) === wanted : entry.name === wanted));
  if (matches.length > 1) {
    throw new TypeError(`the ABI has ${matches.length} ${type}s named ${wanted}: give the signature, e.g. ${signatureOf(matches[0]!)}`);
  }
  return matches[0];
}

/** Like findEntry, but a missing entry is an error. */
export function requireEntry(abi: AbiInput, type: "function" | "event" | "error", nameOrSignature: string): AbiEntry {
  const entry = findEntry(abi, type, nameOrSignature);
  if (entry === undefined) {
    throw new TypeError(`the ABI has no ${type} ${nameOrSignature}`);
  }
  return entry;
}
