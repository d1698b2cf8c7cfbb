import { readFile } from "node:fs/promises";

import type { ArtifactManager } from "hardhat/types/artifacts";

import { KEPT_BUILD_FORMAT, type CompilerInputJson, type KeptBuild, type KeptContract } from "../core/verification/kept-builds.js";

interface BuildInfoFile {
  readonly id: string;
  readonly solcLongVersion: string;
  readonly userSourceNameMap?: Readonly<Record<string, string>>;
  readonly input: CompilerInputJson;
}

type LinkReferences = Readonly<Record<string, Readonly<Record<string, unknown>>>>;

interface BuildOutputFile {
  readonly output: {
    readonly contracts?: Readonly<Record<string, Readonly<Record<string, { readonly evm?: { readonly bytecode?: { readonly object?: string; readonly linkReferences?: LinkReferences } } }>>>>;
  };
}

/**
 * The kept copy of Hardhat 3 build `id` (`artifacts/build-info/<id>.json` and its `.output.json`):
 * the compiler input, and per contract its creation code length and linked libraries. Undefined
 * when Hardhat no longer has the build (it removes builds no artifact uses).
 */
export async function hardhatKeptBuild(artifacts: ArtifactManager, id: string): Promise<KeptBuild | undefined> {
  const inputPath = await artifacts.getBuildInfoPath(id);
  const outputPath = await artifacts.getBuildInfoOutputPath(id);
  if (inputPath === undefined || outputPath === undefined) {
    return undefined;
  }
  const info = JSON.parse(await readFile(inputPath, "utf8")) as BuildInfoFile;
  const { output } = JSON.parse(await readFile(outputPath, "utf8")) as BuildOutputFile;
  const userNames = new Map(Object.entries(info.userSourceNameMap ?? {}).map(([user, input]) => [input, user]));
  const contracts: Record<string, KeptContract> = {};
  for (const [inputSourceName, byName] of Object.entries(output.contracts ?? {})) {
    for (const [name, contract] of Object.entries(byName)) {
      const bytecode = contract.evm?.bytecode;
      const libraries = Object.entries(bytecode?.linkReferences ?? {}).flatMap(([source, libs]) =>
        Object.keys(libs).map((lib) => ({ inputSourceName: source, name: lib })),
      );
      contracts[`${userNames.get(inputSourceName) ?? inputSourceName}:${name}`] = {
        inputSourceName,
        creationCodeLength: (bytecode?.object ?? "").replace(/^0x/, "").length / 2,
        libraries,
      };
    }
  }
  return { format: KEPT_BUILD_FORMAT, id, solcLongVersion: info.solcLongVersion, input: info.input, contracts };
}
