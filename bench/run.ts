// `npm run bench`: hardhat-migrations against Hardhat Ignition, hardhat-deploy v2 and Truffle.
// Options: --quick (1 round, small sizes: checks the bench works in about a minute or two),
// --rounds N (default 5), --n N (migrations in cases 1 and 2, default 50), --status N (recorded
// migrations in case 4's large project, default 1000), --status-max N (case 4's largest, default
// 10000), --tests N (case 5, default 100),
// --cases 1,2,3,4,5,6 (default all; 6 is case 2 through a proxy adding 50 ms per request),
// --tools ours,viem,ignition,hardhat-deploy,truffle (default all: the rows of cases 1, 2 and 6; `ours` always runs, first).
// Figures go to standard output and bench/.work/results.json.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir, rm, symlink, writeFile } from "node:fs/promises";
import path from "node:path";

import { startHardhatNode, type RunningNode } from "../test/helpers/hardhat-node.js";
import { bookkeepingGasCase } from "./cases/bookkeeping-gas.js";
import { TOOL_KEYS, httpCase, inProcessCase } from "./cases/deploy-and-call.js";
import { fixtureReuseCase } from "./cases/fixture-reuse.js";
import { remoteLatencyCase } from "./cases/remote-latency.js";
import { statusScalingCase } from "./cases/status-scaling.js";
import { writeTree } from "./generators/common.js";
import { ensurePeers } from "./lib/peers.js";
import { OUR_PLUGIN_ENTRY, REPO_ROOT, WORK_DIR } from "./lib/paths.js";
import type { BenchOptions, CaseReport } from "./lib/report.js";
import { table } from "./lib/stats.js";

function parseOptions(argv: string[]): BenchOptions {
  const quick = argv.includes("--quick");
  const value = (name: string, fallback: number) => {
    const i = argv.indexOf(name);
    if (i === -1) {
      return fallback;
    }
    const n = Number(argv[i + 1]);
    if (!Number.isInteger(n) || n < 1) {
      throw new Error(`${name} takes a positive integer`);
    }
    return n;
  };
  const casesArg = argv.indexOf("--cases");
  const cases = new Set(casesArg === -1 ? [1, 2, 3, 4, 5, 6] : argv[casesArg + 1]!.split(",").map(Number));
  const toolsArg = argv.indexOf("--tools");
  const tools = toolsArg === -1 ? undefined : new Set(["ours", ...argv[toolsArg + 1]!.split(",")]);
  const unknown = [...(tools ?? [])].filter((key) => !Object.values(TOOL_KEYS).includes(key));
  if (unknown.length > 0) {
    throw new Error(`--tools: unknown ${unknown.join(", ")} (known: ${Object.values(TOOL_KEYS).join(", ")})`);
  }
  return {
    rounds: value("--rounds", quick ? 1 : 5),
    n: value("--n", quick ? 10 : 50),
    statusLarge: value("--status", quick ? 100 : 1000),
    statusMax: value("--status-max", quick ? 300 : 10_000),
    tests: value("--tests", quick ? 20 : 100),
    cases,
    ...(tools !== undefined ? { tools } : {}),
    log: (line) => console.log(line),
  };
}

/** Our plugin as a user's project gets it: compiled, and resolvable as `hardhat-migrations`. */
async function prepareOurPackage(): Promise<void> {
  const tsc = path.join(REPO_ROOT, "node_modules", "typescript", "bin", "tsc");
  const built = spawnSync(process.execPath, [tsc, "-p", "tsconfig.build.json"], { cwd: REPO_ROOT, stdio: "inherit" });
  if (built.status !== 0 || !existsSync(OUR_PLUGIN_ENTRY)) {
    throw new Error("Building hardhat-migrations (tsc -p tsconfig.build.json) failed.");
  }
  const link = path.join(WORK_DIR, "node_modules", "hardhat-migrations");
  await rm(link, { recursive: true, force: true });
  await mkdir(path.dirname(link), { recursive: true });
  await symlink(REPO_ROOT, link, "dir");
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const { log } = options;
  log(`hardhat-migrations bench: ${options.rounds} round(s), n=${options.n}, status=${options.statusLarge}/${options.statusMax}, tests=${options.tests}, cases ${[...options.cases].join(",")}${options.tools ? `, tools ${[...options.tools].join(",")}` : ""}`);
  await ensurePeers(log);
  await prepareOurPackage();

  const reports: CaseReport[] = [];
  const needsNode = [2, 3, 4, 6].some((c) => options.cases.has(c));
  let node: RunningNode | undefined;
  try {
    if (needsNode) {
      const nodeProject = path.join(WORK_DIR, "node");
      await writeTree(nodeProject, {
        "package.json": '{ "private": true, "type": "module" }\n',
        "hardhat.config.ts": 'import { defineConfig } from "hardhat/config";\n\nexport default defineConfig({});\n',
      });
      node = await startHardhatNode(nodeProject);
      log(`hardhat node at ${node.url}`);
      const stopped = node;
      for (const signal of ["SIGINT", "SIGTERM"] as const) {
        process.once(signal, () => void stopped.stop().finally(() => process.exit(130)));
      }
    }
    const cases: Array<[number, () => Promise<CaseReport>]> = [
      [1, () => inProcessCase(options)],
      [2, () => httpCase(options, node!.url)],
      [3, () => bookkeepingGasCase(options, node!.url)],
      [4, () => statusScalingCase(options, node!.url)],
      [5, () => fixtureReuseCase(options)],
      [6, () => remoteLatencyCase(options, node!.url)],
    ];
    for (const [n, run] of cases) {
      if (!options.cases.has(n)) {
        continue;
      }
      log(`\nCase ${n} …`);
      const report = await run();
      reports.push(report);
      print(report);
    }
  } finally {
    await node?.stop();
  }

  log("\nTargets");
  const targets = reports.flatMap((r) => r.targets);
  log(table([["target", "aim", "measured", "result"], ...targets.map((t) => [t.name, t.target, t.measured, t.met ? "PASS" : "MISS"])]));
  const file = path.join(WORK_DIR, "results.json");
  await writeFile(
    file,
    `${JSON.stringify({ date: new Date().toISOString(), node: process.version, options: { ...options, cases: [...options.cases], tools: options.tools && [...options.tools], log: undefined }, reports }, null, 2)}\n`,
  );
  log(`\nResults: ${path.relative(REPO_ROOT, file)}`);
}

function print(report: CaseReport): void {
  console.log(`\n${report.title}\n`);
  for (const line of report.lines) {
    console.log(line);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
