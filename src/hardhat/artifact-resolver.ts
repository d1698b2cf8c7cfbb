import { readFile } from "node:fs/promises";

import type { ArtifactManager } from "hardhat/types/artifacts";

import type { ArtifactResolver, ContractArtifact, StorageLayoutLookup } from "../core/artifacts.js";
import { describeError } from "../core/errors.js";
import { namespacedLayouts } from "../core/upgrades/namespaced-layout.js";
import { normalizeStorageLayout } from "../core/upgrades/storage-layout.js";

/**
 * The engine's artifact access over Hardhat's artifact manager. Storage layouts come from the
 * build info output of the artifact's solc run (`output.contracts[inputSourceName][name]`), which
 * has them because the plugin adds `storageLayout` to every compiler's output selection; ERC-7201
 * namespaces are laid out from the same output's ASTs.
 */
export function hardhatArtifactResolver(artifacts: ArtifactManager): ArtifactResolver {
  return {
    readArtifact: async (name) => (await artifacts.readArtifact(name)) as unknown as ContractArtifact,
    async readStorageLayout(name): Promise<StorageLayoutLookup> {
      const artifact = await artifacts.readArtifact(name);
      const buildInfoId = artifact.buildInfoId ?? (await artifacts.getBuildInfoId(name));
      if (buildInfoId === undefined) {
        return { reason: `its artifact has no build info id (it was not compiled by Hardhat 3's build system)` };
      }
      const outputPath = await artifacts.getBuildInfoOutputPath(buildInfoId);
      if (outputPath === undefined) {
        return { reason: `the output of its build info ${buildInfoId} is missing` };
      }
      let output: {
        output?: { contracts?: Record<string, Record<string, { storageLayout?: unknown }>>; sources?: Record<string, { ast?: unknown }> };
      };
      try {
        output = JSON.parse(await readFile(outputPath, "utf8")) as typeof output;
      } catch (error) {
        return { reason: `its build info output ${outputPath} cannot be read (${describeError(error)})` };
      }
      const sourceName = artifact.inputSourceName ?? artifact.sourceName;
      const raw = output.output?.contracts?.[sourceName]?.[artifact.contractName]?.storageLayout;
      if (raw === undefined) {
        return { reason: `its build info ${buildInfoId} was compiled without "storageLayout" in the output selection` };
      }
      try {
        const layout = normalizeStorageLayout(raw);
        if (layout === undefined) {
          return { reason: `the compiler's storageLayout in ${outputPath} is malformed` };
        }
        const namespaces = namespacedLayouts(output.output?.sources ?? {}, sourceName, artifact.contractName);
        return { layout: Object.keys(namespaces).length > 0 ? { ...layout, namespaces } : layout, buildInfoId };
      } catch (error) {
        return { reason: describeError(error) };
      }
    },
  };
}
