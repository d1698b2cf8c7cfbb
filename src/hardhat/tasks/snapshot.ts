import type { HardhatRuntimeEnvironment } from "hardhat/types/hre";

import { MigrationsError } from "../../core/errors.js";
import type { NetworkSnapshot } from "../../core/network-migration/snapshot-document.js";
import { MigrationsPluginError } from "../plugin-error.js";
import { formatSnapshotSummary } from "../ui/format-network-migration.js";

export default async function snapshotTask(
  args: { block?: string; out?: string; genesis?: string },
  hre: HardhatRuntimeEnvironment,
): Promise<NetworkSnapshot> {
  if (args.out === undefined && args.genesis === undefined) {
    throw new MigrationsPluginError(new MigrationsError("INVALID_OPTION", { option: "--out", reason: "give --out <file> (the snapshot) and/or --genesis <file> (a genesis alloc)." }));
  }
  const connection = await hre.network.getOrCreate();
  const snapshot = await connection.migrations.snapshot({
    block: args.block,
    out: args.out,
    genesis: args.genesis,
  });
  for (const line of formatSnapshotSummary(snapshot, args)) console.log(line);
  return snapshot;
}
