import type { HardhatRuntimeEnvironment } from "hardhat/types/hre";

import type { BootstrapReport } from "../../core/network-migration/bootstrap.js";
import { formatBootstrapReport } from "../ui/format-network-migration.js";

export default async function bootstrapTask(args: { file: string }, hre: HardhatRuntimeEnvironment): Promise<BootstrapReport> {
  const connection = await hre.network.getOrCreate();
  const report = await connection.migrations.bootstrap(args.file);
  for (const line of formatBootstrapReport(report)) console.log(line);
  return report;
}
