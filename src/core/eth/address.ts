import * as OxAddress from "ox/Address";

/**
 * Addresses, with the rules the plugin has always applied (those of ethers v6, minus ICAP): 40 hex
 * digits with or without "0x"; all lowercase or all uppercase is accepted as is; mixed case must be
 * the EIP-55 checksum.
 */
const SHAPE = /^(0x)?[0-9a-fA-F]{40}$/;

/** Whether `value` is an address (see above): a mixed-case one with a wrong checksum is not. */
export function isAddress(value: unknown): value is string {
  if (typeof value !== "string" || !SHAPE.test(value)) {
    return false;
  }
  const prefixed = value.startsWith("0x") ? value : `0x${value}`;
  return !isMixedCase(prefixed) || OxAddress.checksum(prefixed) === prefixed;
}

/** The EIP-55 checksummed form of `value`; throws a TypeError when it is not an address. */
export function checksumAddress(value: string): `0x${string}` {
  if (!isAddress(value)) {
    throw new TypeError(`invalid address: ${JSON.stringify(value)}`);
  }
  return OxAddress.checksum(value.startsWith("0x") ? value : `0x${value}`);
}

/** Whether two addresses are the same account (case-insensitive). */
export function sameAddress(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

function isMixedCase(address: string): boolean {
  const digits = address.slice(2);
  return /[a-f]/.test(digits) && /[A-F]/.test(digits);
}
