import type { Palette } from "./colors.js";
import type { RunPosition } from "./console-reporter.js";

/** What `migrate` says after Ctrl-C: where the run stands and how to resume it. Pure. */
export function formatInterruption(network: string, position: RunPosition, p: Palette): string[] {
  const done =
    position.completed.length === 0
      ? "no migration completed in this run"
      : `${position.completed.length} migration(s) completed in this run (${position.completed.join(", ")})`;
  const current =
    position.current === undefined
      ? ""
      : position.rolledBack
        ? ` ${position.current} was running: it was rolled back and is not recorded; it runs again from the start.`
        : position.sentInCurrent > 0
          ? ` ${position.current} was running and had sent ${position.sentInCurrent} transaction(s): they are in the journal and will not be sent twice.`
          : ` ${position.current} was about to run and sent nothing.`;
  return [
    "",
    `${p.yellow("Stopped by Ctrl-C")} on ${network}: ${done}.${current}`,
    "Run `npx hardhat migrate` to resume where it stopped.",
  ];
}
