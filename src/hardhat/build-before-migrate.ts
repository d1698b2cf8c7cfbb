import path from "node:path";

import type { HardhatRuntimeEnvironment } from "hardhat/types/hre";

import { buildForDeployment, deploymentBuildProfile } from "./build-contracts.js";
import { formatDuration } from "./ui/format-events.js";

/**
 * Builds the contracts the way `migrate` needs them, saying so when something is compiled and
 * why: the Solidity files Hardhat's cache says changed since the last build. Silent when nothing
 * changed (the build is then a cache check).
 */
export async function buildContracts(hre: HardhatRuntimeEnvironment, print: (lines: string[]) => void): Promise<void> {
  const changed = await changedSources(hre);
  if (changed === undefined || changed.length > 0) {
    const why =
      changed === undefined
        ? ""
        : `: ${changed.length} file(s) changed since the last build (${changed.slice(0, 5).join(", ")}${changed.length > 5 ? ", …" : ""})`;
    print([`Compiling the contracts${why}…`]);
  }
  const started = performance.now();
  await buildForDeployment(hre);
  if (changed === undefined || changed.length > 0) {
    print([`Compiled in ${formatDuration(performance.now() - started)}.`]);
  }
}

/** The project's Solidity files whose compilation is not cached; `undefined` if Hardhat cannot tell. */
async function changedSources(hre: HardhatRuntimeEnvironment): Promise<string[] | undefined> {
  try {
    const roots = await hre.solidity.getRootFilePaths({ scope: "contracts" });
    const jobs = await hre.solidity.getCompilationJobs(roots, { quiet: true, scope: "contracts", buildProfile: deploymentBuildProfile(hre) });
    if (!jobs.success) {
      return undefined;
    }
    return [...jobs.compilationJobsPerFile.keys()].map((file) => (path.isAbsolute(file) ? path.relative(hre.config.paths.root, file) : file)).sort();
  } catch {
    return undefined;
  }
}
