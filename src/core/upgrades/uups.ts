import { Contract, Interface, type InterfaceAbi, type Provider } from "ethers";

import { fullyQualifiedName, type ContractArtifact } from "../artifacts.js";
import { MigrationsError, describeError } from "../errors.js";
import { IMPLEMENTATION_SLOT } from "./erc1967.js";

export const UUPS_INTERFACE = new Interface([
  "function proxiableUUID() view returns (bytes32)",
  "function upgradeToAndCall(address newImplementation, bytes data) payable",
]);

/** The implementation of a UUPS proxy must have its upgrade functions. */
export function assertUupsAbi(artifact: ContractArtifact): void {
  const iface = new Interface(artifact.abi as InterfaceAbi);
  const missing = ["proxiableUUID()", "upgradeToAndCall(address,bytes)"].filter((signature) => iface.getFunction(signature) === null);
  if (missing.length > 0) {
    throw new MigrationsError("NOT_UUPS_IMPLEMENTATION", { contract: fullyQualifiedName(artifact), reason: `it has no ${missing.join(" and no ")}` });
  }
}

/** The deployed implementation must answer `proxiableUUID()` with the ERC-1967 implementation slot. */
export async function assertUupsImplementation(provider: Provider, artifact: ContractArtifact, address: string): Promise<void> {
  let uuid: string;
  try {
    uuid = (await new Contract(address, UUPS_INTERFACE, provider).getFunction("proxiableUUID")()) as string;
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
