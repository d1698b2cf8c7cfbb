import { Contract, type InterfaceAbi, type Signer } from "ethers";

import type { ArtifactResolver } from "./artifacts.js";
import type { RegistryEntry } from "./registry/registry-document.js";
import type { Registry } from "./registry/registry.js";

/** The registry as a migration sees it. */
export interface MigrationRegistry {
  /** The entry named `name`; throws (listing what is registered) when there is none. */
  get(name: string): RegistryEntry;
  has(name: string): boolean;
  /** Every entry, by name. */
  all(): Record<string, RegistryEntry>;
  /** The deployed contract named `name`, with its ABI, connected to the deployer. */
  contract(name: string): Promise<Contract>;
}

/** `ctx.registry`: reads of `registry`, and its contracts with their ABIs, connected to `signer`. */
export function createMigrationRegistry(registry: Registry, artifacts: ArtifactResolver, signer: Signer): MigrationRegistry {
  return {
    get: (name) => registry.get(name),
    has: (name) => registry.has(name),
    all: () => registry.all(),
    async contract(name) {
      const entry = registry.get(name);
      const artifact = await artifacts.readArtifact(entry.artifact);
      return new Contract(entry.address, artifact.abi as InterfaceAbi, signer);
    },
  };
}
