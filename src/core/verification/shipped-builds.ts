import { readFile, stat } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";

import { MIGRATOR_ADMIN_ARTIFACT, MIGRATOR_ARTIFACT } from "../../generated/migrator-artifact.js";
import { PROXY_ARTIFACTS } from "../../generated/proxy-artifacts.js";
import { KEPT_BUILD_FORMAT, type CompilerInputJson, type KeptBuild } from "./kept-builds.js";

/** A contract the plugin deploys from its own pre-compiled bytecode, verified from the compiler input shipped next to it. */
export type ShippedContract = "Migrator" | "MigratorAdmin" | keyof typeof PROXY_ARTIFACTS;

interface ShippedArtifact {
  readonly sourceName: string;
  readonly solcVersion: string;
  readonly bytecode: string;
}

const SHIPPED: Readonly<Record<ShippedContract, { readonly artifact: ShippedArtifact; readonly inputFile: string }>> = {
  Migrator: { artifact: MIGRATOR_ARTIFACT, inputFile: "Migrator.solc-input.json" },
  MigratorAdmin: { artifact: MIGRATOR_ADMIN_ARTIFACT, inputFile: "Migrator.solc-input.json" },
  ERC1967Proxy: { artifact: PROXY_ARTIFACTS.ERC1967Proxy, inputFile: "proxies.solc-input.json" },
  TransparentUpgradeableProxy: { artifact: PROXY_ARTIFACTS.TransparentUpgradeableProxy, inputFile: "proxies.solc-input.json" },
  ProxyAdmin: { artifact: PROXY_ARTIFACTS.ProxyAdmin, inputFile: "proxies.solc-input.json" },
};

/** The artifact name a shipped contract's build lists it under (`<source name>:<contract>`). */
export function shippedArtifactName(contract: ShippedContract): string {
  return `${SHIPPED[contract].artifact.sourceName}:${contract}`;
}

/**
 * The build of a shipped contract, as a kept build: the standard-JSON input the package ships in
 * its `contracts/` folder (written by scripts/build-migrator.mjs and scripts/build-proxies.mjs with
 * the artifact, and checked by the test suite to compile to it). Undefined when the package was
 * installed without it.
 */
export async function shippedBuild(contract: ShippedContract): Promise<KeptBuild | undefined> {
  const { artifact, inputFile } = SHIPPED[contract];
  const file = await findShippedFile(inputFile);
  if (file === undefined) {
    return undefined;
  }
  const input = JSON.parse(await readFile(file, "utf8")) as CompilerInputJson;
  return {
    format: KEPT_BUILD_FORMAT,
    id: `hardhat-migrations-${contract}`,
    solcLongVersion: artifact.solcVersion.replace(/\.Emscripten.*$/, ""),
    input,
    contracts: {
      [shippedArtifactName(contract)]: { inputSourceName: artifact.sourceName, creationCodeLength: (artifact.bytecode.length - 2) / 2, libraries: [] },
    },
  };
}

/** `contracts/<name>` of this package: the nearest folder up from this module (src/ or dist/src/) that has it. */
async function findShippedFile(name: string): Promise<string | undefined> {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = path.join(dir, "contracts", name);
    if (await stat(candidate).then(() => true, () => false)) {
      return candidate;
    }
    const parent = path.dirname(dir);
    if (parent === dir) {
      return undefined;
    }
    dir = parent;
  }
}
