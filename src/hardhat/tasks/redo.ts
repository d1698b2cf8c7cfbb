import type { HardhatRuntimeEnvironment } from "hardhat/types/hre";

import { buildForDeployment } from "../build-contracts.js";

import { formatEvent } from "../ui/format-events.js";

export default async function redoTask(args: { noCompile: boolean; allowDecommissioned: boolean }, hre: HardhatRuntimeEnvironment): Promise<void> {
  if (!args.noCompile) {
    await buildForDeployment(hre);
  }
  const connection = await hre.network.getOrCreate();
  await connection.migrations.redo({ ...(args.allowDecommissioned ? { allowDecommissioned: true } : {}), onEvent: (event) => formatEvent(event).forEach((line) => console.log(line)) });
}
