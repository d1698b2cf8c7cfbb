/**
 * Ethereum primitives for the engine, on `ox` (the library viem is built on; it depends on neither
 * ethers nor viem): ABI encoding and decoding, hex, addresses, keccak256 and CREATE2, units,
 * EIP-712 typed-data hashes.
 * The engine sees plain values: addresses and data as 0x-prefixed strings, integers as bigint.
 */
export * from "./abi.js";
export * from "./abi-coerce.js";
export * from "./abi-constructor.js";
export * from "./abi-error.js";
export * from "./abi-event.js";
export * from "./abi-function.js";
export * from "./abi-parameters.js";
export * from "./address.js";
export * from "./create2.js";
export * from "./hex.js";
export * from "./keccak.js";
export * from "./typed-data.js";
export * from "./units.js";
