import { createRequire } from "node:module";

import { normalizeStorageLayout, type StorageLayout } from "../../src/core/upgrades/storage-layout.js";

const require = createRequire(import.meta.url);

/**
 * Compiles `sources` (file name => Solidity source) with the pinned solc-js in one run and returns
 * every contract's storage layout, normalised, by `<file>:<Contract>`.
 */
export function compileStorageLayouts(sources: Record<string, string>): Record<string, StorageLayout> {
  const solc = require("solc") as { compile(input: string): string };
  const input = {
    language: "Solidity",
    sources: Object.fromEntries(Object.entries(sources).map(([file, content]) => [file, { content }])),
    settings: { outputSelection: { "*": { "*": ["storageLayout"] } } },
  };
  const output = JSON.parse(solc.compile(JSON.stringify(input))) as {
    errors?: Array<{ severity: string; formattedMessage: string }>;
    contracts: Record<string, Record<string, { storageLayout: unknown }>>;
  };
  const errors = (output.errors ?? []).filter((e) => e.severity === "error");
  if (errors.length > 0) {
    throw new Error(errors.map((e) => e.formattedMessage).join("\n"));
  }
  const layouts: Record<string, StorageLayout> = {};
  for (const [file, contracts] of Object.entries(output.contracts)) {
    for (const [name, contract] of Object.entries(contracts)) {
      layouts[`${file}:${name}`] = normalizeStorageLayout(contract.storageLayout)!;
    }
  }
  return layouts;
}
