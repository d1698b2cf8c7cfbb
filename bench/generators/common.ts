import { rm, mkdir, writeFile } from "node:fs/promises";
import path from "node:path";

import { SOLC_VERSION, SOLJSON } from "../lib/paths.js";

/** The contract every tool deploys: one constructor argument and one state-changing call. */
export const BOX_SOL = `// SPDX-License-Identifier: MIT
pragma solidity ^${SOLC_VERSION};

contract Box {
    uint256 public value;

    constructor(uint256 initial) {
        value = initial;
    }

    function set(uint256 next) external {
        value = next;
    }
}
`;

/** Writes `files` (relative path => content) as a fresh directory `root`. */
export async function writeTree(root: string, files: Record<string, string>): Promise<void> {
  await rm(root, { recursive: true, force: true });
  for (const [name, content] of Object.entries(files)) {
    const file = path.join(root, name);
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, content);
  }
}

/**
 * The Solidity settings every tool compiles with: solc 0.8.37 from this repository's `solc`
 * package (an absolute path: bench/.work/node_modules has Truffle's older solc), 200 runs.
 */
export function hardhatSolidity(): string {
  return `{ version: "${SOLC_VERSION}", path: ${JSON.stringify(SOLJSON)}, settings: { optimizer: { enabled: true, runs: 200 } } }`;
}

/** A config header shared by the Hardhat-based projects. */
export function hardhatConfig(imports: string[], plugins: string[], extra = ""): string {
  return `${imports.join("\n")}
import { defineConfig } from "hardhat/config";

export default defineConfig({
  plugins: [${plugins.join(", ")}],
  solidity: ${hardhatSolidity()},
  networks: {
    // The HTTP node the bench starts (cases 2 and 4).
    bench: { type: "http", url: process.env.BENCH_RPC_URL ?? "http://127.0.0.1:8545" },
  },${extra}
});
`;
}

export const PACKAGE_JSON = `${JSON.stringify({ name: "bench-project", private: true, type: "module" }, null, 2)}\n`;
export const EMPTY_SCRIPT = "// `hardhat run` of this file measures the tool's start-up: its net time is a run minus this.\n";
