import path from "node:path";

import type { HardhatRuntimeEnvironment } from "hardhat/types/hre";

import { parseMigrationId } from "../../core/planner.js";
import { asPluginErrors } from "../plugin-error.js";
import { formatTruffleImport } from "../ui/format-truffle-import.js";

export default async function importTruffleTask(args: { build: string; completed?: string }, hre: HardhatRuntimeEnvironment): Promise<void> {
  const connection = await hre.network.getOrCreate();
  const completed =
    args.completed === undefined ? undefined : args.completed === "0" ? 0 : await asPluginErrors(async () => parseMigrationId("--completed", args.completed!));
  const result = await connection.migrations.importTruffle({
    buildDir: path.resolve(hre.config.paths.root, args.build),
    completed,
  });
  console.log(formatTruffleImport(result));
}
