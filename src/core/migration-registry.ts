import type { ArtifactResolver } from "./artifacts.js";
import type { DeployedContract } from "./deployed-contract.js";
import type { RegistryEntry } from "./registry/registry-document.js";
import type { Registry } from "./registry/registry.js";

/** The registry as a migration sees it; `contract` answers the migration's library's objects. */
export interface MigrationRegistry<ContractT = DeployedContract> {
  /** The entry named `name`; throws (listing what is registered) when there is none. */
  get(name: string): RegistryEntry;
  has(name: string): boolean;
  /** Every entry, by name. */
  all(): Record<string, RegistryEntry>;
  /** The deployed contract named `name`, with its ABI, sending from the deployer. */
  contract(name: string): Promise<ContractT>;
}

/** `ctx.registry`: reads of `registry`, and its contracts with their ABIs. */
export function createMigrationRegistry(registry: Registry, artifacts: ArtifactResolver): MigrationRegistry {
  return {
    get: (name) => registry.get(name),
    has: (name) => registry.has(name),
    all: () => registry.all(),
    async contract(name) {
      const entry = registry.get(name);
      const artifact = await artifacts.readArtifact(entry.artifact);
      return { address: entry.address, abi: artifact.abi };
    },
  };
}
