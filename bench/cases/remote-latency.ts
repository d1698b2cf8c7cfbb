import path from "node:path";

import { CountingRpcProxy } from "../../test/helpers/counting-rpc-proxy.js";
import { TRUFFLE_CLI, WORK_DIR } from "../lib/paths.js";
import type { BenchOptions, CaseReport, TargetResult } from "../lib/report.js";
import { CleanChain } from "../lib/rpc.js";
import { ratio, seconds, table } from "../lib/stats.js";
import { medians, timeTools, type ToolCommand } from "../lib/tool-runs.js";
import { expect, generate, hardhatTools, selectedTools } from "./deploy-and-call.js";

/** What a remote provider costs per request (the figure). */
const LATENCY_MS = 50;

/**
 * Case 6: case 2's migrations through a proxy that adds 50 ms to every HTTP request, as a remote
 * RPC provider does, and counts the JSON-RPC calls and HTTP round trips of each tool's work.
 */
export async function remoteLatencyCase(options: BenchOptions, nodeUrl: string): Promise<CaseReport> {
  const roots = await generate(path.join(WORK_DIR, "case6"), options.n, true);
  const chain = new CleanChain(nodeUrl);
  const proxy = new CountingRpcProxy(nodeUrl, { delayMs: LATENCY_MS });
  const url = await proxy.start();
  try {
    const env = { BENCH_RPC_URL: url, BENCH_RPC_PORT: new URL(url).port };
    const counts = new Map<string, { calls: number[]; requests: number[] }>();
    const counted = (tool: ToolCommand): ToolCommand => {
      const mine = { calls: [] as number[], requests: [] as number[] };
      counts.set(tool.name, mine);
      return {
        ...tool,
        measure: {
          start: () => proxy.reset(),
          stop: () => {
            mine.calls.push(proxy.calls);
            mine.requests.push(proxy.httpRequests);
          },
        },
      };
    };
    const [ours, oursViem, ignition, hardhatDeploy] = hardhatTools(roots, options.n, ["--network", "bench"], env, chain).map(counted);
    const truffle = counted({
      name: "truffle migrate",
      cwd: roots.truffle,
      work: [TRUFFLE_CLI, "migrate", "--network", "bench", "--reset"],
      empty: [TRUFFLE_CLI, "exec", "scripts/empty.js", "--network", "bench"],
      env,
      check: expect("Truffle", new RegExp(`${options.n + 1}_box_${options.n}\\.js[\\s\\S]*Total deployments:\\s+${options.n + 1}`)),
      before: () => chain.reset(),
    });
    // Truffle makes about 55 calls per migration: at 50 ms each it takes minutes per run, so it
    // runs once (its count and time are still printed); the Hardhat tools run every round.
    const rounds = Math.min(options.rounds, 3);
    const times = (await timeTools(selectedTools(options, [ours!, oursViem!, ignition!, hardhatDeploy!]), rounds, options.log)).map(medians);
    const truffleTimes = (await timeTools(selectedTools(options, [truffle]), 1, options.log)).map(medians);
    const all = [...times, ...truffleTimes];
    const perMigration = (name: string) => {
      const c = counts.get(name)!;
      const calls = c.calls.reduce((a, b) => a + b, 0) / c.calls.length;
      const requests = c.requests.reduce((a, b) => a + b, 0) / c.requests.length;
      return { calls, requests, callsPerMigration: calls / options.n, requestsPerMigration: requests / options.n };
    };
    const first = all[0]!;
    const rows = [
      ["tool", "net", "net ours/tool", "JSON-RPC calls (run)", "calls / migration", "HTTP round trips / migration"],
      ...all.map((m) => {
        const c = perMigration(m.name);
        return [m.name, seconds(m.net), ratio(first.net, m.net), String(Math.round(c.calls)), c.callsPerMigration.toFixed(1), c.requestsPerMigration.toFixed(1)];
      }),
    ];
    const target = (peer: string, aim: number): TargetResult[] => {
      const m = all.find((t) => t.name === peer);
      if (m === undefined) {
        return [];
      }
      return [{
        name: `case 6 (+${LATENCY_MS} ms/request): net time ours / ${peer}`,
        target: `<= ${aim.toFixed(2)}x`,
        measured: `${ratio(first.net, m.net)} (${seconds(first.net)} vs ${seconds(m.net)})`,
        met: first.net / m.net <= aim,
      }];
    };
    const oursCalls = perMigration(first.name).callsPerMigration;
    return {
      title: `Case 6: ${options.n} migrations (deploy + call) through an RPC that adds ${LATENCY_MS} ms to every request, ${rounds} round(s) (Truffle 1)`,
      lines: [
        table(rows),
        "Counted by a proxy in front of the node (test/helpers/counting-rpc-proxy.ts) during the timed work runs only; per migration = whole run / n",
        "(so a run's fixed calls — chain identity, record reads — are spread over the migrations). A batch is one round trip and several calls.",
      ],
      targets: [
        ...target("hardhat-deploy v2", 0.7),
        ...target("Hardhat Ignition", 0.5),
        {
          name: "JSON-RPC calls per deploy + call migration (ours, whole run / n; floor 7)",
          target: "<= 8",
          measured: oursCalls.toFixed(1),
          met: oursCalls <= 8,
        },
      ],
      data: { medians: all, counts: Object.fromEntries([...counts].map(([name]) => [name, perMigration(name)])) },
    };
  } finally {
    await proxy.stop();
  }
}
