import * as Hash from "ox/Hash";

import { asHex, type HexString, utf8ToHex } from "./hex.js";

/** keccak256 of hex data or bytes, as 0x-prefixed lowercase hex. */
export function keccak256(data: string | Uint8Array): HexString {
  return Hash.keccak256(typeof data === "string" ? asHex(data) : data, { as: "Hex" });
}

/** keccak256 of the UTF-8 bytes of `text` (Solidity's `keccak256(bytes(text))`, ethers' `id`). */
export function keccak256Utf8(text: string): HexString {
  return keccak256(utf8ToHex(text));
}
