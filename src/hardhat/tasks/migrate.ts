import type { HardhatRuntimeEnvironment } from "hardhat/types/hre";

import type { MigrateResult } from "../../core/results.js";
import { formatEvent } from "../ui/format-events.js";

interface MigrateTaskArguments {
  to?: string;
  noRollback: boolean;
  noCompile: boolean;
}

export default async function migrateTask(args: MigrateTaskArguments, hre: HardhatRuntimeEnvironment): Promise<MigrateResult> {
  if (!args.noCompile) {
    await hre.tasks.getTask("build").run({ quiet: true, noTests: true });
  }
  const connection = await hre.network.getOrCreate();
  return connection.migrations.run({
    ...(args.to !== undefined ? { to: args.to } : {}),
    ...(args.noRollback ? { rollback: false } : {}),
    onEvent: (event) => {
      for (const line of formatEvent(event)) {
        console.log(line);
      }
    },
  });
}
