import type { HardhatRuntimeEnvironment } from "hardhat/types/hre";

import { stableStringify } from "../../core/json-file.js";
import type { StatusReport } from "../../core/status.js";
import { colorEnabled, palette } from "../ui/colors.js";
import { formatStatus } from "../ui/format-status.js";
import { inProcessNote } from "../ui/in-process-note.js";

export default async function statusTask(args: { json: boolean; noColor?: boolean; tags?: string }, hre: HardhatRuntimeEnvironment): Promise<StatusReport> {
  const connection = await hre.network.getOrCreate();
  const report = await connection.migrations.status(args.tags !== undefined && args.tags !== "" ? { tags: args.tags } : {});
  if (args.json) {
    console.log(stableStringify(report).trimEnd());
    return report;
  }
  const note = inProcessNote(hre, connection);
  console.log([formatStatus(report, palette(colorEnabled(process.stdout, args.noColor === true))), ...(note !== undefined ? [note] : [])].join("\n"));
  return report;
}
