import path from "node:path";

import { generateStatusProject } from "../generators/status.js";
import { HARDHAT_CLI, WORK_DIR } from "../lib/paths.js";
import { timeNode } from "../lib/processes.js";
import type { BenchOptions, CaseReport, TargetResult } from "../lib/report.js";
import { CountingRpcProxy } from "../../test/helpers/counting-rpc-proxy.js";
import { median, ratio, seconds, table, thousands } from "../lib/stats.js";

/** The two commands case 4 measures: both read the whole record and change nothing. */
const COMMANDS = {
  status: ["migrate", "status", "--network", "bench"],
  "migrate (nothing to do)": ["migrate", "--network", "bench"],
} as const;
type Command = keyof typeof COMMANDS;

/** Latency of the counting pass: long enough that requests sent at once overlap at the proxy. */
const COUNTING_DELAY_MS = 50;

interface CommandFigures {
  readonly whole: number[];
  readonly net: number[];
  /** From the counting pass (50 ms per request): sequential round trips, calls, HTTP requests, methods. */
  rounds: number;
  calls: number;
  httpRequests: number;
  methods: string;
}

interface SizeFigures {
  readonly recorded: number;
  readonly empty: number[];
  readonly commands: Record<Command, CommandFigures>;
}

/**
 * Case 4: `migrate status` and a `migrate` with nothing to do over HTTP, with 10, `statusLarge`
 * and `statusMax` recorded migrations: sequential JSON-RPC round trips (counted once through a
 * proxy adding 50 ms per request, so that requests sent at once overlap there), calls, and wall
 * time (through a proxy adding nothing). Net subtracts `hardhat run --no-compile` of an empty
 * script: neither command builds when nothing will run.
 */
export async function statusScalingCase(options: BenchOptions, nodeUrl: string): Promise<CaseReport> {
  const timed = new CountingRpcProxy(nodeUrl);
  const counting = new CountingRpcProxy(nodeUrl, { delayMs: COUNTING_DELAY_MS });
  const timedUrl = await timed.start();
  const countingUrl = await counting.start();
  try {
    const sizes = [...new Set([10, options.statusLarge, options.statusMax])].sort((a, b) => a - b);
    const figures: SizeFigures[] = [];
    for (const size of sizes) {
      const root = path.join(WORK_DIR, "case4", `status-${size}`);
      await generateStatusProject(root, size);
      options.log(`    recording ${thousands(size)} migrations on the node …`);
      const migrated = await timeNode(root, [HARDHAT_CLI, "migrate", "--network", "bench"], { BENCH_RPC_URL: nodeUrl }, 3_600_000);
      if (!migrated.stdout.includes(`Summary: ${size} migration(s) run`)) {
        throw new Error(`case 4: migrating ${size} did not record them all:\n${migrated.stdout.slice(-2000)}`);
      }
      options.log(`    recorded in ${seconds(migrated.ms)}`);
      const command = (): CommandFigures => ({ whole: [], net: [], rounds: 0, calls: 0, httpRequests: 0, methods: "" });
      figures.push({ recorded: size, empty: [], commands: { status: command(), "migrate (nothing to do)": command() } });
    }
    for (const f of figures) {
      const root = path.join(WORK_DIR, "case4", `status-${f.recorded}`);
      for (const [name, args] of Object.entries(COMMANDS) as Array<[Command, readonly string[]]>) {
        counting.reset();
        const run = await timeNode(root, [HARDHAT_CLI, ...args], { BENCH_RPC_URL: countingUrl });
        checkOutput(name, f.recorded, run.stdout);
        const c = f.commands[name];
        c.rounds = counting.rounds;
        c.calls = counting.calls;
        c.httpRequests = counting.httpRequests;
        c.methods = [...counting.methods].map(([m, n]) => (n > 1 ? `${m} x${n}` : m)).join(", ");
      }
    }
    const env = { BENCH_RPC_URL: timedUrl };
    for (let round = 0; round <= options.rounds; round++) {
      for (const f of figures) {
        const root = path.join(WORK_DIR, "case4", `status-${f.recorded}`);
        const empty = await timeNode(root, [HARDHAT_CLI, "run", "--no-compile", "--network", "bench", "scripts/empty.ts"], env);
        const runs: Array<[Command, number]> = [];
        for (const [name, args] of Object.entries(COMMANDS) as Array<[Command, readonly string[]]>) {
          const run = await timeNode(root, [HARDHAT_CLI, ...args], env);
          checkOutput(name, f.recorded, run.stdout);
          runs.push([name, run.ms]);
        }
        if (round === 0) {
          continue; // warm-up
        }
        f.empty.push(empty.ms);
        for (const [name, ms] of runs) {
          f.commands[name].whole.push(ms);
          f.commands[name].net.push(ms - empty.ms);
        }
        options.log(`    round ${round}/${options.rounds} ${thousands(f.recorded)} recorded: ${runs.map(([name, ms]) => `${name} ${seconds(ms)}`).join(", ")} (empty run ${seconds(empty.ms)})`);
      }
    }
    return report(options, figures);
  } finally {
    await timed.stop();
    await counting.stop();
  }
}

/** A run that does not show the whole record is an error, never a timing. */
function checkOutput(name: Command, recorded: number, stdout: string): void {
  const ok = name === "status" ? stdout.trimEnd().endsWith(`${recorded} up`) : stdout.includes(`Nothing to migrate on bench (chain 31337): ${recorded} migration(s) already completed.`);
  if (!ok) {
    throw new Error(`case 4: ${name} with ${recorded} recorded did not show ${name === "status" ? `${recorded} up` : `${recorded} already completed`}:\n${stdout.slice(-1000)}`);
  }
}

function report(options: BenchOptions, figures: SizeFigures[]): CaseReport {
  const m = median;
  const rows = [
    ["command", "recorded", "round trips", "RPC calls", "HTTP requests", "whole (median)", "empty run", "net", "net per 1,000 recorded", "methods"],
  ];
  const small = figures[0]!;
  for (const name of Object.keys(COMMANDS) as Command[]) {
    for (const f of figures) {
      const c = f.commands[name];
      const perThousand = f === small ? "" : `${(((m(c.net) - m(small.commands[name].net)) / (f.recorded - small.recorded)) * 1000).toFixed(0)} ms`;
      rows.push([name, thousands(f.recorded), String(c.rounds), String(c.calls), String(c.httpRequests), seconds(m(c.whole)), seconds(m(f.empty)), seconds(m(c.net)), perThousand, c.methods]);
    }
  }
  const large = figures.find((f) => f.recorded === options.statusLarge) ?? figures[figures.length - 1]!;
  const largest = figures[figures.length - 1]!;
  const targets: TargetResult[] = [];
  const lines = [table(rows)];
  for (const name of Object.keys(COMMANDS) as Command[]) {
    const rounds = figures.map((f) => f.commands[name].rounds);
    targets.push({
      name: `case 4: ${name}: sequential round trips, ${figures.map((f) => thousands(f.recorded)).join(" / ")} recorded`,
      target: "same, <= 2",
      measured: rounds.join(" / "),
      met: rounds.every((r) => r === rounds[0]) && Math.max(...rounds) <= 2,
    });
    const net = (f: SizeFigures) => m(f.commands[name].net);
    targets.push({
      name: `case 4: ${name}: net time, ${thousands(large.recorded)} vs 10 recorded`,
      target: "<= 1.20x",
      measured: `${ratio(net(large), net(small))} (${seconds(net(large))} vs ${seconds(net(small))})`,
      met: net(small) > 0 && net(large) / net(small) <= 1.2,
    });
    if (largest !== large) {
      // Linear: the cost per recorded migration from 10 to the largest size is no more than
      // from 10 to the large one (with 1.5x for noise), or the whole growth is within noise (50 ms).
      const perLarge = (net(large) - net(small)) / (large.recorded - small.recorded);
      const perLargest = (net(largest) - net(small)) / (largest.recorded - small.recorded);
      targets.push({
        name: `case 4: ${name}: linear up to ${thousands(largest.recorded)} (cost per recorded migration)`,
        target: `<= 1.5x the ${thousands(large.recorded)}'s`,
        measured: `${(perLargest * 1000).toFixed(0)} vs ${(perLarge * 1000).toFixed(0)} ms per 1,000`,
        met: perLargest <= 1.5 * Math.max(perLarge, 50 / (large.recorded - small.recorded)),
      });
    }
    lines.push(`${name}: net ${figures.map((f) => `${seconds(net(f))} with ${thousands(f.recorded)}`).join(", ")}.`);
  }
  lines.push(
    `Round trips and calls are counted through a proxy adding ${COUNTING_DELAY_MS} ms per request (requests sent at once overlap there and count as one round trip); times through a proxy adding nothing. Net = the run minus \`hardhat run --no-compile\` of an empty script in the same round.`,
  );
  return {
    title: `Case 4: \`migrate status\` and a \`migrate\` with nothing to do over HTTP, ${figures.map((f) => thousands(f.recorded)).join(" / ")} recorded migrations, ${options.rounds} round(s)`,
    lines,
    targets,
    data: { figures },
  };
}
