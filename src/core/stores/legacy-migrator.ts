import { encodeFunctionCall } from "../eth/abi-function.js";

/**
 * The first Migrator design (before the gas-floor redesign), still read and written for the
 * Migrators earlier versions deployed: its record is a set of ids in storage, returned whole by
 * `completed()`, and `record` reverts with `AlreadyRecorded` on its own. A registry whose
 * `migrator` has no `design` names one of these. A custom Migrator implementing this interface
 * is used the same way.
 */
export const LEGACY_MIGRATOR_ABI: readonly string[] = [
  "function record(uint256 id, bytes32 contentHash)",
  "function unrecord(uint256 id)",
  "function completed() view returns (uint256[] ids)",
  "function isCompleted(uint256 id) view returns (bool)",
  "function owner() view returns (address)",
  "event MigrationCompleted(uint256 indexed id, bytes32 contentHash)",
  "event MigrationUnrecorded(uint256 indexed id)",
  "error NotOwner(address caller)",
  "error NotPendingOwner(address caller)",
  "error AlreadyRecorded(uint256 id)",
  "error NotRecorded(uint256 id)",
  "error IdOutOfRange(uint256 id)",
];

export const COMPLETED_CALL = encodeFunctionCall(LEGACY_MIGRATOR_ABI, "completed");

/**
 * The ids of an ABI-encoded `uint256[]` return value, read in one pass over the hex string.
 * (a generic ABI decoder copies the rest of the buffer for every element: 1.5 s for 10,000 ids.)
 */
export function decodeIdArray(raw: string): Set<number> {
  const hex = raw.startsWith("0x") ? raw.slice(2) : raw;
  if (hex.length < 128 || hex.length % 64 !== 0) {
    throw new Error(`completed() returned ${hex.length / 2} bytes, not an ABI-encoded uint256[]`);
  }
  const offset = Number(BigInt(`0x${hex.slice(0, 64)}`)) * 2;
  if (offset + 64 > hex.length) {
    throw new Error("completed() returned an array offset past its data");
  }
  const length = Number(BigInt(`0x${hex.slice(offset, offset + 64)}`));
  const start = offset + 64;
  if (start + length * 64 > hex.length) {
    throw new Error(`completed() announced ${length} ids but returned fewer`);
  }
  const ids = new Set<number>();
  for (let i = 0; i < length; i++) {
    const at = start + i * 64;
    // Ids fit in 64 bits: the first 48 hex digits are zero for every valid one.
    const high = hex.slice(at, at + 48);
    if (!/^0*$/.test(high)) {
      throw new Error(`completed() returned an id above 2^64 at index ${i}`);
    }
    ids.add(Number(BigInt(`0x${hex.slice(at + 48, at + 64)}`)));
  }
  return ids;
}
