import { existsSync, readdirSync, readFileSync } from "node:fs";
import { rm } from "node:fs/promises";
import path from "node:path";

import { generateHardhatDeployProject } from "../generators/hardhat-deploy.js";
import { generateIgnitionProject } from "../generators/ignition.js";
import { generateOursViemProject } from "../generators/ours-viem.js";
import { generateOursProject } from "../generators/ours.js";
import { generateTruffleProject } from "../generators/truffle.js";
import { HARDHAT_CLI, SOLJSON, TRUFFLE_CLI, WORK_DIR } from "../lib/paths.js";
import { timeNode } from "../lib/processes.js";
import type { BenchOptions, CaseReport, TargetResult } from "../lib/report.js";
import { CleanChain } from "../lib/rpc.js";
import { ratio, seconds, table } from "../lib/stats.js";
import { medians, timeTools, type ToolCommand, type ToolMedians } from "../lib/tool-runs.js";

export const expect = (what: string, pattern: RegExp) => (stdout: string) => {
  if (!pattern.test(stdout)) {
    throw new Error(`${what}: the output does not show all the work done (${pattern}):\n${stdout.slice(-3000)}`);
  }
};

export async function generate(dir: string, n: number, withTruffle: boolean) {
  const roots = {
    ours: path.join(dir, "ours"),
    oursViem: path.join(dir, "ours-viem"),
    ignition: path.join(dir, "ignition"),
    hardhatDeploy: path.join(dir, "hardhat-deploy"),
    truffle: path.join(dir, "truffle"),
  };
  await generateOursProject(roots.ours, n);
  await generateOursViemProject(roots.oursViem, n);
  await generateIgnitionProject(roots.ignition, n);
  await generateHardhatDeployProject(roots.hardhatDeploy, n);
  for (const root of [roots.ours, roots.oursViem, roots.ignition, roots.hardhatDeploy]) {
    await timeNode(root, [HARDHAT_CLI, "build"]);
  }
  if (withTruffle) {
    await generateTruffleProject(roots.truffle, n, SOLJSON);
    await timeNode(roots.truffle, [TRUFFLE_CLI, "compile"]);
  }
  return roots;
}

/** The name of our viem-style row: the same migrations written with viem (hardhat-viem loaded). */
export const OURS_VIEM = "hardhat-migrations (viem)";

/** Each row's key for `--tools`. */
export const TOOL_KEYS: Record<string, string> = {
  "hardhat-migrations (ours)": "ours",
  [OURS_VIEM]: "viem",
  "Hardhat Ignition": "ignition",
  "hardhat-deploy v2": "hardhat-deploy",
  "truffle migrate": "truffle",
};

/** The tools of `tools` that `--tools` selects (all without it), in their order. */
export function selectedTools(options: BenchOptions, tools: ToolCommand[]): ToolCommand[] {
  return tools.filter((tool) => options.tools === undefined || options.tools.has(TOOL_KEYS[tool.name] ?? tool.name));
}

/** How many `Box<i>` entries the registry files under `root/deployments` hold (none on the in-process network, which keeps it in memory). */
function registeredBoxes(root: string): number | undefined {
  const dir = path.join(root, "deployments");
  if (!existsSync(dir)) {
    return undefined;
  }
  let count = 0;
  for (const file of readdirSync(dir).filter((f) => /^\d+\.json$/.test(f))) {
    const registry = JSON.parse(readFileSync(path.join(dir, file), "utf8")) as { contracts?: Record<string, unknown> };
    count += Object.keys(registry.contracts ?? {}).filter((name) => /^Box\d+$/.test(name)).length;
  }
  return count;
}

/**
 * One of our runs in `root` (ethers or viem style) did all its work: the summary counts `n`
 * migrations and `n` deployments, the output shows `n` distinct `Box<i>` deployed at an address
 * and `n` migrations that each sent 2 transactions (the deployment and `set(i + 1)`), and over HTTP the registry file holds `n`
 * Box entries (the in-process network keeps its registry in memory).
 */
const checkOurs = (what: string, root: string, n: number) => (stdout: string) => {
  expect(what, new RegExp(`Summary: ${n} migration\\(s\\) run, ${n} contract\\(s\\) deployed`))(stdout);
  const fail = (why: string) => {
    throw new Error(`${what}: ${why}:\n${stdout.slice(-3000)}`);
  };
  const deployed = new Set([...stdout.matchAll(/^\s+(Box\d+)\s+0x[0-9a-fA-F]{40}\b/gm)].map((m) => m[1]));
  if (deployed.size !== n) {
    fail(`${deployed.size} Box contracts shown deployed, not ${n}`);
  }
  // Each migration's line: "done in … ms: 2 transaction(s)": its deployment and its call (the record is counted apart).
  const twoTransactions = [...stdout.matchAll(/^\s+done in .*: 2 transaction\(s\)/gm)].length;
  if (twoTransactions !== n) {
    fail(`${twoTransactions} migrations sent a deployment and a call, not ${n}`);
  }
  const boxes = registeredBoxes(root);
  if (boxes !== undefined && boxes !== n) {
    fail(`the registry holds ${boxes} Box entries, not ${n}`);
  }
};

export function hardhatTools(roots: Awaited<ReturnType<typeof generate>>, n: number, network: string[], env: Record<string, string>, http: CleanChain | undefined): ToolCommand[] {
  const empty = [HARDHAT_CLI, "run", ...network, "scripts/empty.ts"];
  const startup = [HARDHAT_CLI, "run", ...network, "--no-compile", "scripts/empty.ts"];
  const clean = (root: string, dirs: string[]) => async () => {
    for (const dir of dirs) {
      await rm(path.join(root, dir), { recursive: true, force: true });
    }
    await http?.reset();
  };
  /** Our `migrate` in the project at `root` (the ethers or the viem style). */
  const ours = (name: string, root: string, label: string): ToolCommand => ({
    name,
    cwd: root,
    work: [HARDHAT_CLI, "migrate", ...network],
    empty,
    startup,
    env,
    check: checkOurs(label, root, n),
    before: clean(root, ["deployments"]),
  });
  return [
    ours("hardhat-migrations (ours)", roots.ours, "ours"),
    ours(OURS_VIEM, roots.oursViem, "ours (viem)"),
    {
      name: "Hardhat Ignition",
      cwd: roots.ignition,
      work: [HARDHAT_CLI, "ignition", "deploy", ...network, "ignition/modules/Bench.ts"],
      empty,
      startup,
      env,
      check: expect("Ignition", new RegExp(`successfully deployed[\\s\\S]*Bench#Box${n} - 0x`)),
      before: clean(roots.ignition, ["ignition/deployments"]),
    },
    {
      name: "hardhat-deploy v2",
      cwd: roots.hardhatDeploy,
      work: [HARDHAT_CLI, "deploy", ...network, ...(network.length > 0 ? ["--skip-prompts"] : [])],
      empty,
      startup,
      env,
      check: expect("hardhat-deploy", new RegExp(`Deploying Box${n}\\b[\\s\\S]*Broadcasting tx`)),
      before: clean(roots.hardhatDeploy, ["deployments"]),
    },
  ];
}

export function report(title: string, all: ToolMedians[], targetName: string, extra: string[] = []): CaseReport {
  const ours = all[0]!;
  const rows = [
    ["tool", "whole (median)", "empty run", "net", "whole ours/tool", "net ours/tool", "bare start-up", "net of start-up", "ours/tool"],
    ...all.map((m) => [
      m.name,
      seconds(m.whole),
      seconds(m.empty),
      seconds(m.net),
      ratio(ours.whole, m.whole),
      ratio(ours.net, m.net),
      seconds(m.startup),
      seconds(m.netOfStartup),
      ratio(ours.netOfStartup, m.netOfStartup),
    ]),
  ];
  const targets: TargetResult[] = all.slice(1).filter((peer) => peer.name !== OURS_VIEM).map((peer) => ({
    name: `${targetName}: net time ours / ${peer.name}`,
    target: "<= 0.50x",
    measured: `${ratio(ours.net, peer.net)} (${seconds(ours.net)} vs ${seconds(peer.net)})`,
    met: ours.net / peer.net <= 0.5,
  }));
  const notes = [
    "empty run: `hardhat run scripts/empty.ts` (Hardhat's build check included, as the issue defines it) or `truffle exec` of an empty script;",
    "bare start-up: `hardhat run --no-compile` of it. `migrate` and `ignition deploy` run Hardhat's build check, `hardhat-deploy`'s `deploy` does not,",
    "so 'net of start-up' charges each tool with what its own command does. Medians over the rounds; net = median of per-round differences.",
  ];
  return { title, lines: [table(rows), ...notes, ...extra], targets, data: { medians: all } };
}

/** Case 1: `n` migrations (deploy + call) on the in-process network: ours vs Ignition vs hardhat-deploy. */
export async function inProcessCase(options: BenchOptions): Promise<CaseReport> {
  const roots = await generate(path.join(WORK_DIR, "case1"), options.n, false);
  const times = await timeTools(selectedTools(options, hardhatTools(roots, options.n, [], {}, undefined)), options.rounds, options.log);
  return report(`Case 1: ${options.n} migrations (deploy + call), in-process network, ${options.rounds} round(s)`, times.map(medians), "case 1");
}

/** Case 2: the same over HTTP against one `hardhat node`: ours vs `truffle migrate` (and Ignition, hardhat-deploy). */
export async function httpCase(options: BenchOptions, nodeUrl: string): Promise<CaseReport> {
  const roots = await generate(path.join(WORK_DIR, "case2"), options.n, true);
  const chain = new CleanChain(nodeUrl);
  const port = new URL(nodeUrl).port;
  const env = { BENCH_RPC_URL: nodeUrl, BENCH_RPC_PORT: port };
  const tools = hardhatTools(roots, options.n, ["--network", "bench"], env, chain);
  const truffle: ToolCommand = {
    name: "truffle migrate",
    cwd: roots.truffle,
    work: [TRUFFLE_CLI, "migrate", "--network", "bench", "--reset"],
    empty: [TRUFFLE_CLI, "exec", "scripts/empty.js", "--network", "bench"],
    env,
    check: expect("Truffle", new RegExp(`${options.n + 1}_box_${options.n}\\.js[\\s\\S]*Total deployments:\\s+${options.n + 1}`)),
    before: () => chain.reset(),
  };
  const order = [tools[0]!, tools[1]!, truffle, tools[2]!, tools[3]!];
  const times = await timeTools(selectedTools(options, order), options.rounds, options.log);
  return report(
    `Case 2: ${options.n} migrations (deploy + call) over HTTP to one \`hardhat node\`, ${options.rounds} round(s)`,
    times.map(medians),
    "case 2",
    ["(The issue's case 2 peer is Truffle; Ignition and hardhat-deploy over HTTP are shown too. The chain is reverted to one clean snapshot before every run.)"],
  );
}
