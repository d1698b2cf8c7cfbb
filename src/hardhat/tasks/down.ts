import type { HardhatRuntimeEnvironment } from "hardhat/types/hre";

import type { DownResult } from "../../core/down.js";
import { formatEvent } from "../ui/format-events.js";

export default async function downTask(args: { steps?: string; to?: string }, hre: HardhatRuntimeEnvironment): Promise<DownResult> {
  const connection = await hre.network.getOrCreate();
  const result = await connection.migrations.down({
    steps: args.steps === undefined ? undefined : Number(args.steps),
    to: args.to,
    onEvent: (event) => formatEvent(event).forEach((line) => console.log(line)),
  });
  console.log(`\nUndid ${result.undone.length} migration(s) on ${result.network.name}.`);
  return result;
}
