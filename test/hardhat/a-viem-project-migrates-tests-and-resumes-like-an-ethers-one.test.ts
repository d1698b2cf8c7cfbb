import { spawn } from "node:child_process";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { pathToFileURL } from "node:url";

import { expect } from "chai";

import { parseJournal } from "../../src/core/journal/journal-entry.js";
import { runHardhat } from "../helpers/cli.js";
import { fixtureRoot, migrationsDir, REPO_ROOT, tempDir } from "../helpers/fixture.js";
import { startHardhatNode, type RunningNode } from "../helpers/hardhat-node.js";
import { recordedIds } from "../helpers/migrator-record.js";
import { blockNumber, creationsSince, rpc } from "../helpers/rpc.js";

/**
 * A project made as `npx hardhat --init` makes a viem one (hardhat-toolbox-viem, node:test), whose
 * migrations use viem: `ctx.deploy` returns a viem contract, `write` sends through the migration's
 * journaled provider. Driven as its user would: its own tests, `migrate` and `status` on an HTTP
 * node, and a run killed with SIGKILL after a viem write was sent.
 */
const ROOT = fixtureRoot("viem-project");
const X = "0x0c55699c"; // x()

describe("a viem project migrates, tests and resumes like an ethers one", function () {
  let node: RunningNode;

  before(async () => {
    const build = await runHardhat(ROOT, ["build", "--quiet"]);
    expect(build.code, build.stderr).to.equal(0);
    node = await startHardhatNode(ROOT);
    // The chain's shared MigratorAdmin is deployed by the first run on a chain and reused by every
    // later one: deploy it here, so that every run below sends the same transactions, whichever
    // runs first (its Migrator, the Counter, a viem write, a record, a viem write, a record).
    const first = await runHardhat(ROOT, ["migrate", "--network", "testnode", "--no-compile"], {
      MIGRATIONS_TEST_RPC_URL: node.url,
      MIGRATIONS_TEST_REGISTRY_DIR: await tempDir("hhm-viem-admin-"),
    });
    expect(first.code, `${first.stdout}\n${first.stderr}`).to.equal(0);
  });

  after(async () => {
    await node?.stop();
  });

  it("its own `hardhat test nodejs` passes: loadFixture over the migrations fixture returns viem contracts", async () => {
    const result = await runHardhat(ROOT, ["test", "nodejs", "--no-compile"]);
    expect(result.code, `${result.stdout}\n${result.stderr}`).to.equal(0);
    expect(result.stdout).to.match(/3 passing/);
    expect(result.stdout + result.stderr).not.to.match(/hardhat-ethers/);
  });

  it("its migrations and tests type-check against the built artifacts (ctx.deploy is typed from the artifact)", async () => {
    const tsc = path.join(REPO_ROOT, "node_modules", "typescript", "bin", "tsc");
    const { code, output } = await new Promise<{ code: number | null; output: string }>((resolve, reject) => {
      const child = spawn(process.execPath, [tsc, "-p", path.join(ROOT, "tsconfig.json")], { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"] });
      let text = "";
      child.stdout.on("data", (c: Buffer) => (text += c.toString()));
      child.stderr.on("data", (c: Buffer) => (text += c.toString()));
      child.on("error", reject);
      child.on("close", (exit) => resolve({ code: exit, output: text }));
    });
    expect(code, output).to.equal(0);
  });

  it("`migrate` loads viem and never ethers from the plugin (an ethers project's does: the check works)", async () => {
    const loads = async (root: string, env: Record<string, string>) => {
      const record = path.join(await tempDir("hhm-loads-"), "loads.jsonl");
      const hook = path.join(REPO_ROOT, "test", "helpers", "loader", "record-library-loads.mjs");
      const run = await runHardhat(root, ["migrate", "--network", "testnode", ...(root === ROOT ? ["--no-compile"] : [])], { ...env, RECORD_LIBRARY_LOADS: record, NODE_OPTIONS: `--import ${pathToFileURL(hook).href}` });
      expect(run.code, `${run.stdout}\n${run.stderr}`).to.equal(0);
      const lines = (await readFile(record, "utf8").catch(() => "")).split("\n").filter(Boolean);
      const fromPlugin = (library: string) =>
        lines
          .map((line) => JSON.parse(line) as { specifier: string; parent: string })
          .filter((load) => load.specifier.split("/")[0] === library && load.parent.startsWith(pathToFileURL(path.join(REPO_ROOT, "src")).href))
          .map((load) => load.parent.slice(pathToFileURL(REPO_ROOT).href.length + 1));
      return { ethers: fromPlugin("ethers"), viem: fromPlugin("viem") };
    };
    const viem = await loads(ROOT, { MIGRATIONS_TEST_RPC_URL: node.url, MIGRATIONS_TEST_REGISTRY_DIR: await tempDir("hhm-viem-loads-") });
    expect(viem.ethers).to.deep.equal([]);
    expect(viem.viem).to.include("src/hardhat/front-end/viem-clients.ts");
    const ethers = await loads(fixtureRoot("basic"), { MIGRATIONS_TEST_RPC_URL: node.url, MIGRATIONS_TEST_REGISTRY_DIR: await tempDir("hhm-ethers-loads-") });
    expect(ethers.ethers).to.include("src/core/ethers/ethers-context.ts");
    expect(ethers.viem).to.deep.equal([]);
  });

  it("`npx hardhat migrate` on an HTTP node deploys and counts with viem, and `status` shows both up", async () => {
    const registryDir = await tempDir("hhm-viem-");
    const env = { MIGRATIONS_TEST_RPC_URL: node.url, MIGRATIONS_TEST_REGISTRY_DIR: registryDir };
    const migrated = await runHardhat(ROOT, ["migrate", "--network", "testnode", "--no-compile"], env);
    expect(migrated.code, `${migrated.stdout}\n${migrated.stderr}`).to.equal(0);
    expect(migrated.stdout).to.match(/x = 8/);
    expect(migrated.stdout).to.match(/x = 10 after block \d+/);

    const registry = await readRegistry(registryDir);
    expect(Object.keys(registry.contracts)).to.deep.equal(["Counter"]);
    expect(await counterValue(registry.contracts.Counter!.address)).to.equal(10n);
    expect(await recordedIds(node.url, registry.migrator.address)).to.deep.equal([1, 2]);

    const status = await runHardhat(ROOT, ["migrate", "status", "--json", "--network", "testnode"], env);
    expect(status.code, status.stderr).to.equal(0);
    const report = JSON.parse(status.stdout) as { rows: Array<{ id: number; state: string }> };
    expect(report.rows.map((row) => [row.id, row.state])).to.deep.equal([
      [1, "up"],
      [2, "up"],
    ]);
  });

  for (const [point, hit] of [
    ["tx-after-send", 3],
    ["tx-before-send", 3],
    ["tx-after-mined", 5],
  ] as const) {
    it(`killed by SIGKILL at ${point} #${hit} (a viem write), the re-run resumes: nothing deployed or sent twice`, async () => {
      const registryDir = await tempDir("hhm-viem-kill-");
      const env = { MIGRATIONS_TEST_RPC_URL: node.url, MIGRATIONS_TEST_REGISTRY_DIR: registryDir };
      const [deployer] = await rpc<string[]>(node.url, "eth_accounts");
      const nonceBefore = await nonceOf(deployer!);
      const start = (await blockNumber(node.url)) + 1;
      const migrate = (extra: Record<string, string> = {}) => runHardhat(ROOT, ["migrate", "--network", "testnode", "--no-compile"], { ...env, ...extra });

      const killed = await migrate({ HARDHAT_MIGRATIONS_FAILPOINT: `${point}:${hit}` });
      expect(killed.code, `not killed at ${point} #${hit}:\n${killed.stdout}\n${killed.stderr}`).to.equal(null);
      const resumed = await migrate();
      expect(resumed.code, `${resumed.stdout}\n${resumed.stderr}`).to.equal(0);

      // The Migrator and the Counter, each created once; six transactions in all (two creations,
      // two viem writes, two records), so the deployer's nonce moved by exactly six.
      expect(await creationsSince(node.url, start)).to.have.length(2);
      expect((await nonceOf(deployer!)) - nonceBefore).to.equal(6);
      const registry = await readRegistry(registryDir);
      expect(registry.contracts.Counter!.history, "Counter was deployed twice").to.equal(undefined);
      expect(await counterValue(registry.contracts.Counter!.address)).to.equal(10n);
      expect(await recordedIds(node.url, registry.migrator.address)).to.deep.equal([1, 2]);
      const journal = parseJournal(await readFile(path.join(registryDir, "31337.journal.jsonl"), "utf8"));
      expect(journal.corrupt).to.equal(undefined);
    });
  }

  it("a viem write changed between the kill and the resume is refused as HHM192 (its own code, not viem's wrapper), and nothing is sent", async () => {
    const dir = await migrationsDir({
      "1_counter.js": `
export default async function ({ deploy }) {
  const counter = await deploy("Counter", [5n]);
  await counter.write.incBy([BigInt(process.env.HHM_STEP)]);
}`,
    });
    const registryDir = await tempDir("hhm-viem-diverged-");
    const env = { MIGRATIONS_TEST_RPC_URL: node.url, MIGRATIONS_TEST_REGISTRY_DIR: registryDir, MIGRATIONS_TEST_DIR: dir };
    const [deployer] = await rpc<string[]>(node.url, "eth_accounts");
    const migrate = (extra: Record<string, string>) => runHardhat(ROOT, ["migrate", "--network", "testnode", "--no-compile"], { ...env, ...extra });

    const killed = await migrate({ HHM_STEP: "3", HARDHAT_MIGRATIONS_FAILPOINT: "tx-after-send:3" });
    expect(killed.code, `${killed.stdout}\n${killed.stderr}`).to.equal(null);
    const nonce = await nonceOf(deployer!);
    const diverged = await migrate({ HHM_STEP: "4" });
    const output = diverged.stdout + diverged.stderr;
    expect(diverged.code, output).to.equal(1);
    expect(output).to.contain("HHM192").and.to.contain("different calldata");
    expect(output).not.to.contain("HHM122");
    expect(await nonceOf(deployer!)).to.equal(nonce);
  });

  async function nonceOf(address: string): Promise<number> {
    return Number(BigInt(await rpc<string>(node.url, "eth_getTransactionCount", [address, "latest"])));
  }

  async function counterValue(address: string): Promise<bigint> {
    return BigInt(await rpc<string>(node.url, "eth_call", [{ to: address, data: X }, "latest"]));
  }
});

async function readRegistry(dir: string): Promise<{ migrator: { address: string }; contracts: Record<string, { address: string; history?: unknown[] }> }> {
  return JSON.parse(await readFile(path.join(dir, "31337.json"), "utf8")) as {
    migrator: { address: string };
    contracts: Record<string, { address: string; history?: unknown[] }>;
  };
}
