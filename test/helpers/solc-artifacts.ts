import { createRequire } from "node:module";

import type { ArtifactResolver, ContractArtifact } from "../../src/core/artifacts.js";
import { normalizeStorageLayout, type StorageLayout } from "../../src/core/upgrades/storage-layout.js";

const require = createRequire(import.meta.url);

/**
 * Compiles `sources` (file name => Solidity source) with the pinned solc-js and resolves their
 * artifacts and storage layouts by contract name or `<file>:<Contract>`, as the Hardhat adapter does.
 */
export function compileArtifacts(sources: Record<string, string>): ArtifactResolver {
  const solc = require("solc") as { compile(input: string): string };
  const input = {
    language: "Solidity",
    sources: Object.fromEntries(Object.entries(sources).map(([file, content]) => [file, { content }])),
    settings: { outputSelection: { "*": { "*": ["abi", "evm.bytecode.object", "evm.bytecode.linkReferences", "storageLayout"] } } },
  };
  const output = JSON.parse(solc.compile(JSON.stringify(input))) as {
    errors?: Array<{ severity: string; formattedMessage: string }>;
    contracts: Record<string, Record<string, { abi: unknown[]; evm: { bytecode: { object: string; linkReferences: ContractArtifact["linkReferences"] } }; storageLayout: unknown }>>;
  };
  const errors = (output.errors ?? []).filter((e) => e.severity === "error");
  if (errors.length > 0) {
    throw new Error(errors.map((e) => e.formattedMessage).join("\n"));
  }
  const found = new Map<string, { artifact: ContractArtifact; layout: StorageLayout }>();
  for (const [file, contracts] of Object.entries(output.contracts)) {
    for (const [name, contract] of Object.entries(contracts)) {
      const entry = {
        artifact: { contractName: name, sourceName: file, abi: contract.abi, bytecode: `0x${contract.evm.bytecode.object}`, linkReferences: contract.evm.bytecode.linkReferences },
        layout: normalizeStorageLayout(contract.storageLayout)!,
      };
      found.set(name, entry);
      found.set(`${file}:${name}`, entry);
    }
  }
  const lookup = (name: string) => {
    const entry = found.get(name);
    if (entry === undefined) {
      throw new Error(`no contract ${name}`);
    }
    return entry;
  };
  return {
    readArtifact: async (name) => lookup(name).artifact,
    readStorageLayout: async (name) => ({ layout: lookup(name).layout }),
  };
}
