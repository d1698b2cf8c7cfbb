import path from "node:path";

import type { HardhatRuntimeEnvironment } from "hardhat/types/hre";

import { parseMigrationId } from "../../core/planner.js";
import { asPluginErrors } from "../plugin-error.js";
import { formatHardhatDeployImport } from "../ui/format-hardhat-deploy-import.js";

export default async function importHardhatDeployTask(args: { dir?: string; completed?: string }, hre: HardhatRuntimeEnvironment): Promise<void> {
  const connection = await hre.network.getOrCreate();
  const completed = args.completed === undefined ? undefined : await asPluginErrors(async () => parseMigrationId("--completed", args.completed!));
  const result = await connection.migrations.importHardhatDeploy({
    dir: path.resolve(hre.config.paths.root, args.dir ?? path.join("deployments", connection.networkName)),
    completed,
  });
  console.log(formatHardhatDeployImport(result));
}
