import { timeNode } from "./processes.js";
import { median } from "./stats.js";

/** One tool's command in a case: its work, its empty run, and a check of the work's output. */
export interface ToolCommand {
  readonly name: string;
  readonly cwd: string;
  /** Arguments to `node` for the work. */
  readonly work: readonly string[];
  /** Arguments to `node` for the same tool doing nothing (`hardhat run` / `truffle exec` of an empty script). */
  readonly empty: readonly string[];
  readonly env?: Record<string, string>;
  /** Throws when the work's output shows it did not do all the work. */
  readonly check: (stdout: string) => void;
  /** Puts the tool back to a clean start (state files, chain) before each work run. */
  readonly before?: () => Promise<void>;
}

export interface ToolTimes {
  readonly name: string;
  readonly whole: number[];
  readonly empty: number[];
  /** Per round: whole minus that round's empty run. */
  readonly net: number[];
}

export interface ToolMedians {
  readonly name: string;
  readonly whole: number;
  readonly empty: number;
  readonly net: number;
}

/**
 * Times every tool's empty run and work, `rounds` times, interleaved round by round so that
 * whatever the machine does meanwhile falls on all tools alike. One untimed warm-up run each.
 */
export async function timeTools(tools: readonly ToolCommand[], rounds: number, log: (line: string) => void): Promise<ToolTimes[]> {
  const times = tools.map((t) => ({ name: t.name, whole: [] as number[], empty: [] as number[], net: [] as number[] }));
  for (const tool of tools) {
    await tool.before?.();
    tool.check((await timeNode(tool.cwd, tool.work, tool.env)).stdout);
  }
  for (let round = 1; round <= rounds; round++) {
    for (const [i, tool] of tools.entries()) {
      const empty = await timeNode(tool.cwd, tool.empty, tool.env);
      await tool.before?.();
      const work = await timeNode(tool.cwd, tool.work, tool.env);
      tool.check(work.stdout);
      times[i]!.whole.push(work.ms);
      times[i]!.empty.push(empty.ms);
      times[i]!.net.push(work.ms - empty.ms);
      log(`    round ${round}/${rounds} ${tool.name}: ${(work.ms / 1000).toFixed(2)} s whole, ${(empty.ms / 1000).toFixed(2)} s empty`);
    }
  }
  return times;
}

export function medians(times: ToolTimes): ToolMedians {
  return { name: times.name, whole: median(times.whole), empty: median(times.empty), net: median(times.net) };
}
