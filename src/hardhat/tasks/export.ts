import { writeFileAtomic } from "../../core/json-file.js";
import { MigrationsError } from "../../core/errors.js";
import type { HardhatRuntimeEnvironment } from "hardhat/types/hre";

import { buildForDeployment } from "../build-contracts.js";
import { MigrationsPluginError } from "../plugin-error.js";

export default async function exportTask(args: { format: string; out?: string }, hre: HardhatRuntimeEnvironment): Promise<string> {
  if (args.format !== "json" && args.format !== "ts") {
    throw new MigrationsPluginError(new MigrationsError("INVALID_OPTION", { option: "--format", reason: `expected "json" or "ts", got "${args.format}".` }));
  }
  await buildForDeployment(hre);
  const content = await hre.migrations.exportDeployments(args.format);
  if (args.out === undefined) {
    process.stdout.write(content);
  } else {
    await writeFileAtomic(args.out, content);
    console.log(`Wrote ${args.out}`);
  }
  return content;
}
