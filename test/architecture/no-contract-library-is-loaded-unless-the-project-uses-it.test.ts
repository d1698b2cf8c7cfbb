import { readdir, readFile } from "node:fs/promises";
import path from "node:path";

import { expect } from "chai";

const SRC = path.resolve(import.meta.dirname, "../../src");

/** The contract libraries (and their Hardhat plugins) a project may or may not use. */
const LIBRARIES = /^(ethers|viem|@nomicfoundation\/hardhat-ethers|@nomicfoundation\/hardhat-viem)(\/|$)/;

/**
 * The files that are about one library, and are reached only by `import()` when a project uses
 * it: the ethers adapter (and the Truffle runtime, which is built on it), and each front-end.
 */
const LIBRARY_FILES = [/^core\/ethers\//, /^core\/truffle\//, /^hardhat\/front-end\/(ethers-front-end|viem-front-end|viem-clients)\.ts$/];

/** What a file loads when it is loaded: its static, non-type-only imports and re-exports (`import()` is not one). */
function runtimeImports(text: string): string[] {
  const found: string[] = [];
  for (const match of text.matchAll(/(?:^|\n)\s*(import|export)(\s+type\b)?([^;]*?)\bfrom\s+["']([^"']+)["']/g)) {
    const typeOnly = match[2] !== undefined || /^\s*\{[^}]*\}\s*$/.test(match[3]!) && match[3]!.replace(/[{}\s]/g, "").split(",").filter(Boolean).every((name) => name.startsWith("type"));
    if (!typeOnly) {
      found.push(match[4]!);
    }
  }
  for (const match of text.matchAll(/(?:^|\n)\s*import\s+["']([^"']+)["']/g)) {
    found.push(match[1]!);
  }
  return found;
}

describe("the engine and the plugin", () => {
  it("load no contract library (ethers, viem) statically: only the files about one, reached by import() when the project uses it", async () => {
    const entries = await readdir(SRC, { withFileTypes: true, recursive: true });
    const files = entries.filter((e) => e.isFile() && e.name.endsWith(".ts")).map((e) => path.relative(SRC, path.join(e.parentPath, e.name)));
    const imports = new Map<string, string[]>();
    for (const file of files) {
      imports.set(file, runtimeImports(await readFile(path.join(SRC, file), "utf8")));
    }
    const resolve = (file: string, specifier: string) => path.normalize(path.join(path.dirname(file), specifier.replace(/\.js$/, ".ts")));
    /** The library `file` loads, directly or through the src files it imports, with the chain that loads it. */
    const loads = (file: string, seen = new Set<string>()): string | undefined => {
      seen.add(file);
      for (const specifier of imports.get(file) ?? []) {
        if (LIBRARIES.test(specifier)) {
          return `${file} imports ${specifier}`;
        }
        const next = specifier.startsWith(".") ? resolve(file, specifier) : undefined;
        if (next !== undefined && imports.has(next) && !seen.has(next)) {
          const chain = loads(next, seen);
          if (chain !== undefined) {
            return `${file} -> ${chain}`;
          }
        }
      }
      return undefined;
    };
    const offenders = files
      .filter((file) => !LIBRARY_FILES.some((pattern) => pattern.test(file)))
      .map((file) => loads(file))
      .filter((chain): chain is string => chain !== undefined);
    expect(files.length).to.be.greaterThan(50);
    // The check itself: the ethers front-end does load ethers.
    expect(loads("hardhat/front-end/ethers-front-end.ts")).to.match(/imports ethers$/);
    expect(offenders).to.deep.equal([]);
  });
});
