import type { HardhatRuntimeEnvironment } from "hardhat/types/hre";

import { stableStringify, writeFileAtomic } from "../../core/json-file.js";

export default async function storeExportTask(args: { out?: string }, hre: HardhatRuntimeEnvironment): Promise<void> {
  const connection = await hre.network.getOrCreate();
  const state = await connection.migrations.exportState();
  const content = stableStringify(state);
  if (args.out === undefined) {
    process.stdout.write(content);
  } else {
    await writeFileAtomic(args.out, content);
    console.log(`Wrote the record of ${state.migrations.length} migration(s) on chain ${state.chainId} to ${args.out}`);
  }
}
