import type { HardhatRuntimeEnvironment } from "hardhat/types/hre";

import { MigrationsError } from "../../core/errors.js";
import type { SyncResult } from "../../core/network-migration/sync.js";
import { MigrationsPluginError } from "../plugin-error.js";
import { formatSyncProgress, formatSyncStart } from "../ui/format-network-migration.js";

export default async function syncTask(
  args: { from?: string; to?: string; until?: string; interval: string },
  hre: HardhatRuntimeEnvironment,
): Promise<SyncResult> {
  if (args.from === undefined || args.to === undefined) {
    throw new MigrationsPluginError(new MigrationsError("INVALID_OPTION", { option: "--from/--to", reason: "give both networks: --from <old> --to <new>." }));
  }
  const until = args.until === undefined ? undefined : Number(args.until);
  if (until !== undefined && (!Number.isSafeInteger(until) || until < 0)) {
    throw new MigrationsPluginError(new MigrationsError("INVALID_OPTION", { option: "--until", reason: `${JSON.stringify(args.until)} is not a block number.` }));
  }
  const controller = new AbortController();
  const stop = () => controller.abort();
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
  try {
    const result = await hre.migrations.sync({
      from: args.from,
      to: args.to,
      until,
      pollIntervalMs: Number(args.interval),
      signal: controller.signal,
      onStart: (start) => console.log(formatSyncStart(args.from!, args.to!, start)),
      onProgress: (progress) => console.log(formatSyncProgress(progress)),
    });
    console.log(`Synced ${args.to} to block ${result.syncedToBlock} of ${args.from}: ${result.blocks} block(s), ${result.slots} slot(s) this run; lag ${result.lag} block(s).`);
    return result;
  } finally {
    process.off("SIGINT", stop);
    process.off("SIGTERM", stop);
  }
}
