import type { HardhatRuntimeEnvironment } from "hardhat/types/hre";

import type { RebuildReport } from "../../core/registry/rebuild-registry.js";
import { formatRebuild } from "../ui/format-rebuild.js";

export default async function registryRebuildTask(_args: unknown, hre: HardhatRuntimeEnvironment): Promise<RebuildReport> {
  const connection = await hre.network.getOrCreate();
  const report = await connection.migrations.rebuildRegistry();
  console.log(formatRebuild(report));
  return report;
}
