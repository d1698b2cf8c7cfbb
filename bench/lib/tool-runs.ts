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
  /**
   * The tool's bare start-up, when it differs from `empty`: `hardhat run --no-compile` (a plain
   * `hardhat run` also runs Hardhat's build check, as `migrate` and `ignition deploy` do, while
   * hardhat-deploy's `deploy` does not).
   */
  readonly startup?: readonly string[];
  readonly env?: Record<string, string>;
  /** Throws when the work's output shows it did not do all the work. */
  readonly check: (stdout: string) => void;
  /** Puts the tool back to a clean start (state files, chain) before each work run. */
  readonly before?: () => Promise<void>;
  /** Called around each timed work run (not the warm-up, not the empty runs): e.g. to count calls. */
  readonly measure?: { start(): void; stop(): void };
}

export interface ToolTimes {
  readonly name: string;
  readonly whole: number[];
  readonly empty: number[];
  readonly startup: number[];
  /** Per round: whole minus that round's empty run. */
  readonly net: number[];
  /** Per round: whole minus that round's bare start-up. */
  readonly netOfStartup: number[];
}

export interface ToolMedians {
  readonly name: string;
  readonly whole: number;
  readonly empty: number;
  readonly net: number;
  readonly startup: number;
  readonly netOfStartup: number;
}

/**
 * Times every tool's empty run and work, `rounds` times, interleaved round by round so that
 * whatever the machine does meanwhile falls on all tools alike. One untimed warm-up run each.
 */
export async function timeTools(tools: readonly ToolCommand[], rounds: number, log: (line: string) => void): Promise<ToolTimes[]> {
  const times: ToolTimes[] = tools.map((t) => ({ name: t.name, whole: [], empty: [], startup: [], net: [], netOfStartup: [] }));
  for (const tool of tools) {
    await tool.before?.();
    tool.check((await timeNode(tool.cwd, tool.work, tool.env)).stdout);
  }
  for (let round = 1; round <= rounds; round++) {
    for (const [i, tool] of tools.entries()) {
      const empty = await timeNode(tool.cwd, tool.empty, tool.env);
      const startup = tool.startup === undefined ? empty : await timeNode(tool.cwd, tool.startup, tool.env);
      await tool.before?.();
      tool.measure?.start();
      const work = await timeNode(tool.cwd, tool.work, tool.env);
      tool.measure?.stop();
      tool.check(work.stdout);
      times[i]!.whole.push(work.ms);
      times[i]!.empty.push(empty.ms);
      times[i]!.net.push(work.ms - empty.ms);
      times[i]!.startup.push(startup.ms);
      times[i]!.netOfStartup.push(work.ms - startup.ms);
      log(`    round ${round}/${rounds} ${tool.name}: ${(work.ms / 1000).toFixed(2)} s whole, ${(empty.ms / 1000).toFixed(2)} s empty`);
    }
  }
  return times;
}

export function medians(times: ToolTimes): ToolMedians {
  return {
    name: times.name,
    whole: median(times.whole),
    empty: median(times.empty),
    net: median(times.net),
    startup: median(times.startup),
    netOfStartup: median(times.netOfStartup),
  };
}
