import path from "node:path";

import { generateStatusProject } from "../generators/status.js";
import { HARDHAT_CLI, WORK_DIR } from "../lib/paths.js";
import { timeNode } from "../lib/processes.js";
import type { BenchOptions, CaseReport } from "../lib/report.js";
import { CountingRpcProxy } from "../../test/helpers/counting-rpc-proxy.js";
import { median, ratio, seconds, table } from "../lib/stats.js";

interface StatusFigures {
  readonly recorded: number;
  readonly whole: number[];
  readonly empty: number[];
  readonly net: number[];
  calls: number;
  httpRequests: number;
  methods: string;
}

/**
 * Case 4: `migrate status` over HTTP with 10 vs `options.statusLarge` recorded migrations: the
 * JSON-RPC calls it makes (counted by a proxy in front of the node) and its wall time.
 */
export async function statusScalingCase(options: BenchOptions, nodeUrl: string): Promise<CaseReport> {
  const proxy = new CountingRpcProxy(nodeUrl);
  const proxyUrl = await proxy.start();
  try {
    const sizes = [10, options.statusLarge];
    const figures: StatusFigures[] = [];
    for (const size of sizes) {
      const root = path.join(WORK_DIR, "case4", `status-${size}`);
      await generateStatusProject(root, size);
      options.log(`    recording ${size} migrations on the node …`);
      const migrated = await timeNode(root, [HARDHAT_CLI, "migrate", "--network", "bench"], { BENCH_RPC_URL: nodeUrl });
      if (!migrated.stdout.includes(`Summary: ${size} migration(s) run`)) {
        throw new Error(`case 4: migrating ${size} did not record them all:\n${migrated.stdout.slice(-2000)}`);
      }
      figures.push({ recorded: size, whole: [], empty: [], net: [], calls: 0, httpRequests: 0, methods: "" });
    }
    const env = { BENCH_RPC_URL: proxyUrl };
    for (let round = 0; round <= options.rounds; round++) {
      for (const f of figures) {
        const root = path.join(WORK_DIR, "case4", `status-${f.recorded}`);
        const empty = await timeNode(root, [HARDHAT_CLI, "run", "--network", "bench", "scripts/empty.ts"], env);
        proxy.reset();
        const run = await timeNode(root, [HARDHAT_CLI, "migrate", "status", "--network", "bench"], env);
        if (!run.stdout.trimEnd().endsWith(`${f.recorded} up`)) {
          throw new Error(`case 4: status did not show ${f.recorded} up:\n${run.stdout.slice(-1000)}`);
        }
        f.calls = proxy.calls;
        f.httpRequests = proxy.httpRequests;
        f.methods = [...proxy.methods].map(([m, c]) => (c > 1 ? `${m} x${c}` : m)).join(", ");
        if (round === 0) {
          continue; // warm-up
        }
        f.whole.push(run.ms);
        f.empty.push(empty.ms);
        f.net.push(run.ms - empty.ms);
        options.log(`    round ${round}/${options.rounds} status with ${f.recorded}: ${(run.ms / 1000).toFixed(2)} s, ${f.calls} RPC calls`);
      }
    }
    const [small, large] = figures as [StatusFigures, StatusFigures];
    const m = (xs: number[]) => median(xs);
    const rows = [
      ["recorded", "RPC calls", "HTTP requests", "whole (median)", "empty run", "net", "methods"],
      ...figures.map((f) => [String(f.recorded), String(f.calls), String(f.httpRequests), seconds(m(f.whole)), seconds(m(f.empty)), seconds(m(f.net)), f.methods]),
    ];
    return {
      title: `Case 4: \`migrate status\` over HTTP, 10 vs ${options.statusLarge} recorded migrations, ${options.rounds} round(s)`,
      lines: [table(rows), `Ratio ${options.statusLarge}/10: whole ${ratio(m(large.whole), m(small.whole))}, net ${ratio(m(large.net), m(small.net))}.`],
      targets: [
        {
          name: `case 4: RPC calls of status with ${options.statusLarge} recorded`,
          target: "<= 2",
          measured: `${large.calls} (${large.httpRequests} HTTP requests)`,
          met: large.calls <= 2,
        },
        {
          name: `case 4: status time, ${options.statusLarge} vs 10 recorded (whole process)`,
          target: "<= 1.20x",
          measured: ratio(m(large.whole), m(small.whole)),
          met: m(large.whole) / m(small.whole) <= 1.2,
        },
        {
          name: `case 4: status time, ${options.statusLarge} vs 10 recorded (net of start-up)`,
          target: "<= 1.20x",
          measured: `${ratio(m(large.net), m(small.net))} (${seconds(m(large.net))} vs ${seconds(m(small.net))})`,
          met: m(large.net) / m(small.net) <= 1.2,
        },
      ],
      data: { figures },
    };
  } finally {
    await proxy.stop();
  }
}
