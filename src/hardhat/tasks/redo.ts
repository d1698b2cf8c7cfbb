import type { HardhatRuntimeEnvironment } from "hardhat/types/hre";

import { formatEvent } from "../ui/format-events.js";

export default async function redoTask(args: { noCompile: boolean }, hre: HardhatRuntimeEnvironment): Promise<void> {
  if (!args.noCompile) {
    await hre.tasks.getTask("build").run({ quiet: true, noTests: true });
  }
  const connection = await hre.network.getOrCreate();
  await connection.migrations.redo({ onEvent: (event) => formatEvent(event).forEach((line) => console.log(line)) });
}
