import { readFile } from "node:fs/promises";

import type { HardhatRuntimeEnvironment } from "hardhat/types/hre";

import { MigrationsError, describeError } from "../../core/errors.js";
import { MigrationsPluginError } from "../plugin-error.js";

export default async function storeImportTask(args: { file: string }, hre: HardhatRuntimeEnvironment): Promise<void> {
  let state: unknown;
  try {
    state = JSON.parse(await readFile(args.file, "utf8"));
  } catch (error) {
    throw new MigrationsPluginError(new MigrationsError("STATE_FILE_CORRUPT", { file: args.file, reason: describeError(error) }, { cause: error }));
  }
  const connection = await hre.network.getOrCreate();
  const result = await connection.migrations.importState(state, args.file);
  console.log(
    `Recorded ${result.imported.length} migration(s) in ${result.store} without running them` +
      (result.skipped.length > 0 ? `; ${result.skipped.length} were already recorded (${result.skipped.join(", ")}).` : "."),
  );
}
