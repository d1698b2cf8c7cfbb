import { findEntry } from "./eth/abi.js";

/**
 * What a Migrator must implement for the engine to use it. Two designs are accepted:
 * - 2 (shipped since the gas-floor redesign): one slot with the owner and a version, the set of
 *   completed ids in the events, each change a compare-and-swap on the version;
 * - 1 (the earlier design, still read for Migrators deployed before): the set in storage,
 *   returned whole by `completed()`, `record` reverting on an id already recorded.
 */
export const MIGRATOR_DESIGNS = {
  2: {
    functions: ["record(uint256,bytes32)", "unrecord(uint256)", "version() returns (uint256)", "owner() returns (address)"],
    events: ["MigrationCompleted(uint256,bytes32)", "MigrationUnrecorded(uint256)"],
  },
  1: {
    functions: ["record(uint256,bytes32)", "unrecord(uint256)", "completed() returns (uint256[])", "isCompleted(uint256) returns (bool)", "owner() returns (address)"],
    events: ["MigrationCompleted(uint256,bytes32)"],
  },
} as const;

/** The design-1 list, kept for callers of the earlier API. */
export const REQUIRED_MIGRATOR_FUNCTIONS = MIGRATOR_DESIGNS[1].functions;
export const REQUIRED_MIGRATOR_EVENTS = MIGRATOR_DESIGNS[1].events;

function missingOf(abi: readonly unknown[], design: 1 | 2): string[] {
  const missing: string[] = [];
  for (const signature of MIGRATOR_DESIGNS[design].functions) {
    const [name, outputs] = signature.split(" returns ");
    const fn = findEntry(abi, "function", name!);
    const actualOutputs = fn === undefined ? undefined : `(${(fn.outputs ?? []).map((o) => o.type).join(",")})`;
    if (fn === undefined || (outputs !== undefined && actualOutputs !== outputs)) {
      missing.push(`function ${signature}`);
    }
  }
  for (const signature of MIGRATOR_DESIGNS[design].events) {
    if (findEntry(abi, "event", signature) === undefined) {
      missing.push(`event ${signature}`);
    }
  }
  return missing;
}

/**
 * The design `abi` implements (2 when it has `version()`, else 1), and what it lacks of it (or
 * declares with other outputs); empty `missing` means usable.
 */
export function migratorDesign(abi: readonly unknown[]): { design: 1 | 2; missing: string[] } {
  const design = findEntry(abi, "function", "version()") !== undefined ? 2 : 1;
  return { design, missing: missingOf(abi, design) };
}

/** What `abi` lacks of the design it implements (see migratorDesign). */
export function missingMigratorFunctions(abi: readonly unknown[]): string[] {
  return migratorDesign(abi).missing;
}
