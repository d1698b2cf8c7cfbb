import type { HardhatRuntimeEnvironment } from "hardhat/types/hre";

import type { DownResult } from "../../core/down.js";
import { colorEnabled, palette } from "../ui/colors.js";
import { formatEvent } from "../ui/format-events.js";
import { inProcessNote } from "../ui/in-process-note.js";

export default async function downTask(args: { steps?: string; to?: string; noColor?: boolean; allowDecommissioned: boolean }, hre: HardhatRuntimeEnvironment): Promise<DownResult> {
  const connection = await hre.network.getOrCreate();
  const p = palette(colorEnabled(process.stdout, args.noColor === true));
  const note = inProcessNote(hre, connection);
  if (note !== undefined) {
    console.log(note);
  }
  const result = await connection.migrations.down({
    steps: args.steps === undefined ? undefined : Number(args.steps),
    to: args.to,
    ...(args.allowDecommissioned ? { allowDecommissioned: true } : {}),
    onEvent: (event) => formatEvent(event, p).forEach((line) => console.log(line)),
  });
  console.log(`\nUndid ${result.undone.length} migration(s) on ${result.network.name}.`);
  return result;
}
