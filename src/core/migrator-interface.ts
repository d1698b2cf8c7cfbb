import { Interface, type InterfaceAbi } from "ethers";

/** What a Migrator must implement for the engine to use it (the shipped one does). */
export const REQUIRED_MIGRATOR_FUNCTIONS = [
  "record(uint256,bytes32)",
  "unrecord(uint256)",
  "completed() returns (uint256[])",
  "isCompleted(uint256) returns (bool)",
  "owner() returns (address)",
] as const;

export const REQUIRED_MIGRATOR_EVENTS = ["MigrationCompleted(uint256,bytes32)"] as const;

/** The required functions and events that `abi` lacks (or declares with other outputs). */
export function missingMigratorFunctions(abi: readonly unknown[]): string[] {
  const iface = new Interface(abi as InterfaceAbi);
  const missing: string[] = [];
  for (const signature of REQUIRED_MIGRATOR_FUNCTIONS) {
    const [name, outputs] = signature.split(" returns ");
    const fn = iface.getFunction(name!);
    const actualOutputs = fn === null ? undefined : `(${fn.outputs.map((o) => o.type).join(",")})`;
    if (fn === null || (outputs !== undefined && actualOutputs !== outputs)) {
      missing.push(`function ${signature}`);
    }
  }
  for (const signature of REQUIRED_MIGRATOR_EVENTS) {
    if (iface.getEvent(signature) === null) {
      missing.push(`event ${signature}`);
    }
  }
  return missing;
}
