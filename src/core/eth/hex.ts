import * as Hex from "ox/Hex";

/** 0x-prefixed hex data, as the JSON-RPC API and the registry carry it. */
export type HexString = `0x${string}`;

/** 32 zero bytes (`bytes32(0)`). */
export const ZERO_HASH: HexString = `0x${"0".repeat(64)}`;

/** Whether `value` is 0x-prefixed hex (any case), of exactly `bytes` bytes when given. */
export function isHex(value: unknown, bytes?: number): value is HexString {
  if (typeof value !== "string" || !/^0x[0-9a-fA-F]*$/.test(value)) {
    return false;
  }
  return bytes === undefined || value.length === 2 + 2 * bytes;
}

/** The hex data one after another (each 0x-prefixed), as one lowercase 0x-prefixed string. */
export function concatHex(parts: readonly string[]): HexString {
  return Hex.concat(...parts.map((part) => asHex(part))).toLowerCase() as HexString;
}

/** `value` as big-endian hex, left-padded to `bytes` bytes (it must fit and not be negative). */
export function numberToHex(value: bigint | number, bytes: number): HexString {
  return Hex.fromNumber(BigInt(value), { size: bytes });
}

/** `value` as a JSON-RPC quantity: minimal hex, "0x0" for zero (it must not be negative). */
export function toQuantity(value: bigint | number | string): HexString {
  const big = BigInt(value);
  if (big < 0n) {
    throw new RangeError(`a quantity cannot be negative: ${big}`);
  }
  return `0x${big.toString(16)}`;
}

/** The UTF-8 bytes of `text`, as hex. */
export function utf8ToHex(text: string): HexString {
  return Hex.fromString(text);
}

/** Bytes as lowercase 0x-prefixed hex. */
export function bytesToHex(bytes: Uint8Array): HexString {
  return Hex.fromBytes(bytes);
}

/** `value` checked to be 0x-prefixed hex with whole bytes (the same string, typed). */
export function asHex(value: string): HexString {
  if (!isHex(value) || value.length % 2 !== 0) {
    throw new TypeError(`not hex data: ${JSON.stringify(value)}`);
  }
  return value;
}
