import { createRequire } from "node:module";

import { namespacedLayouts } from "../../src/core/upgrades/namespaced-layout.js";
import { normalizeStorageLayout, type StorageLayout } from "../../src/core/upgrades/storage-layout.js";

const require = createRequire(import.meta.url);

/**
 * Compiles `sources` (file name => Solidity source) with the pinned solc-js in one run and returns
 * every contract's storage layout, normalised, by `<file>:<Contract>`, with its ERC-7201 namespaces
 * laid out from the AST as the Hardhat adapter does.
 */
export function compileStorageLayouts(sources: Record<string, string>): Record<string, StorageLayout> {
  const solc = require("solc") as { compile(input: string): string };
  const input = {
    language: "Solidity",
    sources: Object.fromEntries(Object.entries(sources).map(([file, content]) => [file, { content }])),
    settings: { outputSelection: { "*": { "*": ["storageLayout"], "": ["ast"] } } },
  };
  const output = JSON.parse(solc.compile(JSON.stringify(input))) as {
    errors?: Array<{ severity: string; formattedMessage: string }>;
    contracts: Record<string, Record<string, { storageLayout: unknown }>>;
    sources: Record<string, { ast: unknown }>;
  };
  const errors = (output.errors ?? []).filter((e) => e.severity === "error");
  if (errors.length > 0) {
    throw new Error(errors.map((e) => e.formattedMessage).join("\n"));
  }
  const layouts: Record<string, StorageLayout> = {};
  for (const [file, contracts] of Object.entries(output.contracts)) {
    for (const [name, contract] of Object.entries(contracts)) {
      const layout = normalizeStorageLayout(contract.storageLayout)!;
      const namespaces = namespacedLayouts(output.sources, file, name);
      layouts[`${file}:${name}`] = Object.keys(namespaces).length > 0 ? { ...layout, namespaces } : layout;
    }
  }
  return layouts;
}
