import path from "node:path";

import type { HardhatRuntimeEnvironment } from "hardhat/types/hre";

import { parseMigrationId } from "../../core/planner.js";
import { asPluginErrors } from "../plugin-error.js";
import { formatIgnitionImport } from "../ui/format-ignition-import.js";

export default async function importIgnitionTask(
  args: { deploymentId?: string; dir?: string; completed?: string },
  hre: HardhatRuntimeEnvironment,
): Promise<void> {
  const connection = await hre.network.getOrCreate();
  const completed = args.completed === undefined ? undefined : await asPluginErrors(async () => parseMigrationId("--completed", args.completed!));
  // Ignition's default deployment id is chain-<chainId>.
  const deploymentId = args.deploymentId ?? `chain-${Number(await connection.provider.request({ method: "eth_chainId" }))}`;
  const result = await connection.migrations.importIgnition({
    dir: path.resolve(hre.config.paths.root, args.dir ?? path.join((hre.config.paths as { ignition?: string }).ignition ?? "ignition", "deployments", deploymentId)),
    ...(completed !== undefined ? { completed } : {}),
  });
  console.log(formatIgnitionImport(result));
}
