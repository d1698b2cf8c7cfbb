import type { HardhatRuntimeEnvironment } from "hardhat/types/hre";

/**
 * Builds the contracts before anything is deployed, with the build profile of
 * `migrations.buildProfile` (default "production", as Hardhat Ignition does: the optimizer on,
 * isolated builds, so the bytecode matches what verifiers build). Hardhat's global
 * `--build-profile <name>` wins over it.
 */
export async function buildForDeployment(hre: HardhatRuntimeEnvironment): Promise<void> {
  await hre.tasks.getTask("build").run({ quiet: true, noTests: true, defaultBuildProfile: hre.config.migrations.buildProfile });
}

/** The profile `buildForDeployment` builds with. */
export function deploymentBuildProfile(hre: HardhatRuntimeEnvironment): string {
  return hre.globalOptions.buildProfile ?? hre.config.migrations.buildProfile;
}
