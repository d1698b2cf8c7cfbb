import { fullyQualifiedName, type ContractArtifact } from "../artifacts.js";
import { MigrationsError, describeError } from "../errors.js";
import { findEntry } from "../eth/abi.js";
import { decodeFunctionResult, encodeFunctionCall } from "../eth/abi-function.js";
import { IMPLEMENTATION_SLOT } from "./erc1967.js";

export const UUPS_ABI: readonly string[] = [
  "function proxiableUUID() view returns (bytes32)",
  "function upgradeToAndCall(address newImplementation, bytes data) payable",
];

/** What makes a read-only call (an ethers Provider fits): resolves the returned data, rejects on a revert. */
export interface ContractCaller {
  call(tx: { to: string; data: string }): Promise<string>;
}

/** The implementation of a UUPS proxy must have its upgrade functions. */
export function assertUupsAbi(artifact: ContractArtifact): void {
  const missing = ["proxiableUUID()", "upgradeToAndCall(address,bytes)"].filter((signature) => findEntry(artifact.abi, "function", signature) === undefined);
  if (missing.length > 0) {
    throw new MigrationsError("NOT_UUPS_IMPLEMENTATION", { contract: fullyQualifiedName(artifact), reason: `it has no ${missing.join(" and no ")}` });
  }
}

/** The deployed implementation must answer `proxiableUUID()` with the ERC-1967 implementation slot. */
export async function assertUupsImplementation(provider: ContractCaller, artifact: ContractArtifact, address: string): Promise<void> {
  let uuid: string;
  try {
    const raw = await provider.call({ to: address, data: encodeFunctionCall(UUPS_ABI, "proxiableUUID") });
    uuid = decodeFunctionResult(UUPS_ABI, "proxiableUUID", raw)[0] as string;
  } catch (error) {
    throw new MigrationsError("NOT_UUPS_IMPLEMENTATION", { contract: fullyQualifiedName(artifact), reason: `proxiableUUID() reverted (${describeError(error)})` }, { cause: error });
  }
  if (uuid.toLowerCase() !== IMPLEMENTATION_SLOT) {
    throw new MigrationsError("NOT_UUPS_IMPLEMENTATION", {
      contract: fullyQualifiedName(artifact),
      reason: `its proxiableUUID() is ${uuid}, not the ERC-1967 implementation slot ${IMPLEMENTATION_SLOT}`,
    });
  }
}
