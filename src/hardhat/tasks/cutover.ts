import type { HardhatRuntimeEnvironment } from "hardhat/types/hre";

import { MigrationsError } from "../../core/errors.js";
import type { CutoverReport } from "../../core/network-migration/cutover.js";
import { MigrationsPluginError } from "../plugin-error.js";
import { formatSyncProgress, formatSyncStart } from "../ui/format-network-migration.js";

export default async function cutoverTask(args: { from?: string; to?: string }, hre: HardhatRuntimeEnvironment): Promise<CutoverReport> {
  if (args.from === undefined || args.to === undefined) {
    throw new MigrationsPluginError(new MigrationsError("INVALID_OPTION", { option: "--from/--to", reason: "give both networks: --from <old> --to <new>." }));
  }
  const report = await hre.migrations.cutover({
    from: args.from,
    to: args.to,
    onStart: (start) => console.log(formatSyncStart(args.from!, args.to!, start)),
    onProgress: (progress) => console.log(formatSyncProgress(progress)),
  });
  console.log(`Verified ${report.accounts} contract(s) and ${report.slots} storage slot(s) slot by slot at block ${report.cutoverBlock} of ${args.from}: equal.`);
  console.log(`Cut over: ${args.from} is decommissioned (its registry names ${args.to}); ${args.to} is active.`);
  return report;
}
