import type { HardhatRuntimeEnvironment } from "hardhat/types/hre";

import { stableStringify } from "../../core/json-file.js";
import type { StatusReport } from "../../core/status.js";
import { formatStatus } from "../ui/format-status.js";

export default async function statusTask(args: { json: boolean }, hre: HardhatRuntimeEnvironment): Promise<StatusReport> {
  const connection = await hre.network.getOrCreate();
  const report = await connection.migrations.status();
  console.log(args.json ? stableStringify(report).trimEnd() : formatStatus(report));
  return report;
}
