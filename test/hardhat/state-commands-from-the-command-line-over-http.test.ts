import { readFile, readdir, writeFile } from "node:fs/promises";
import path from "node:path";

import { expect } from "chai";

import { runHardhat, type CliResult } from "../helpers/cli.js";
import { CountingRpcProxy } from "../helpers/counting-rpc-proxy.js";
import { fixtureRoot, migrationsDir, tempDir } from "../helpers/fixture.js";
import { startHardhatNode, type RunningNode } from "../helpers/hardhat-node.js";
import { deployTokenAs, reversibleToken } from "../helpers/migrations.js";

describe("migrate's state commands from the command line, against a `hardhat node`", function () {
  let node: RunningNode;
  let dir: string;
  let registryDir: string;

  const hardhat = async (...args: string[]): Promise<CliResult> => {
    const result = await runHardhat(fixtureRoot("basic"), [...args, "--network", "testnode"], {
      MIGRATIONS_TEST_RPC_URL: node.url,
      MIGRATIONS_TEST_DIR: dir,
      MIGRATIONS_TEST_REGISTRY_DIR: registryDir,
    });
    return result;
  };
  const ok = async (...args: string[]): Promise<string> => {
    const result = await hardhat(...args);
    expect(result.code, `${args.join(" ")}\n${result.stdout}\n${result.stderr}`).to.equal(0);
    return result.stdout;
  };
  const blockNumber = async () => {
    const response = await fetch(node.url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ jsonrpc: "2.0", id: 1, method: "eth_blockNumber", params: [] }),
    });
    return Number(BigInt(((await response.json()) as { result: string }).result));
  };

  before(async () => {
    node = await startHardhatNode(fixtureRoot("basic"));
    dir = await migrationsDir({
      "1_a.js": reversibleToken("A", 1),
      "2_b.js": reversibleToken("B", 2),
      "3_c.js": deployTokenAs("C"),
    });
  });

  // Each test starts from its own record: a fresh registry directory means a fresh Migrator on
  // the shared node, so no test depends on what an earlier one left behind.
  beforeEach(async () => {
    registryDir = await tempDir("hhm-registry-");
  });

  after(async () => {
    await node?.stop();
  });

  it("status before anything ran: everything pending", async () => {
    const out = await ok("migrate", "status");
    expect(out).to.contain("Migrations on testnode (chain 31337, dev chain (detected: HardhatNetwork/").and.to.contain("Record: Migrator (not deployed yet).");
    expect(out).to.match(/1\s+1_a\.js\s+pending/);
    expect(out).to.contain("3 pending");
  });

  it("status reads the record in one eth_call and one eth_getLogs, however many ran, and asks no accounts", async () => {
    await ok("migrate");
    const proxy = new CountingRpcProxy(node.url);
    const url = await proxy.start();
    try {
      const result = await runHardhat(fixtureRoot("basic"), ["migrate", "status", "--network", "testnode"], {
        MIGRATIONS_TEST_RPC_URL: url,
        MIGRATIONS_TEST_DIR: dir,
        MIGRATIONS_TEST_REGISTRY_DIR: registryDir,
      });
      expect(result.code, result.stderr).to.equal(0);
      expect(result.stdout).to.contain("3 up");
      expect(proxy.methods.get("eth_call")).to.equal(1);
      expect(proxy.methods.get("eth_getLogs")).to.equal(1);
      expect(proxy.methods.has("eth_accounts")).to.equal(false);
      expect([...proxy.methods.keys()].sort()).to.deep.equal(
        ["eth_call", "eth_chainId", "eth_getBlockByNumber", "eth_getLogs", "hardhat_metadata", "web3_clientVersion"],
      );
    } finally {
      await proxy.stop();
    }
  });

  it("--dry-run lists the plan and sends nothing", async () => {
    const block = await blockNumber();
    const out = await ok("migrate", "--dry-run");
    expect(out).to.contain("Dry run on testnode (chain 31337): 3 migration(s) would run, in this order (nothing is sent).");
    expect(out).to.match(/ {2}1_a\.js\n {2}2_b\.js\n {2}3_c\.js/);
    expect(await blockNumber()).to.equal(block);
  });

  it("--only and --from select migrations", async () => {
    expect(await ok("migrate", "--only", "1")).to.contain("1 pending").and.to.contain("1_a.js");
    const out = await ok("migrate", "--from", "3");
    expect(out).to.contain("3_c.js").and.not.to.contain("2_b.js");
  });

  it("--dry-run --simulate runs the pending migrations on a fork, reporting gas, sending nothing", async () => {
    await ok("migrate", "--only", "1");
    await ok("migrate", "--from", "3");
    const block = await blockNumber();
    const registry = await readFile(path.join(registryDir, "31337.json"), "utf8");
    const out = await ok("migrate", "--dry-run", "--simulate");
    expect(out).to.contain("Simulating on an in-process fork of testnode at block");
    expect(out).to.contain("Migrating testnode (fork) (chain 31337): 1 pending, 2 already completed.");
    expect(out).to.match(/2_b\.js\n {4}tx 0x[0-9a-f]{64} \(create, nonce \d+\) sent\n {2}Token +0x[0-9a-fA-F]{40} {2}gas [\d,]+/);
    expect(await blockNumber()).to.equal(block);
    expect(await readFile(path.join(registryDir, "31337.json"), "utf8")).to.equal(registry);
  });

  it("status --json shows what ran and the transactions that recorded them", async () => {
    await ok("migrate");
    const report = JSON.parse(await ok("migrate", "status", "--json")) as { rows: Array<{ id: number; state: string; transactionHash?: string }> };
    expect(report.rows.map((r) => [r.id, r.state])).to.deep.equal([
      [1, "up"],
      [2, "up"],
      [3, "up"],
    ]);
    expect(report.rows[2]!.transactionHash).to.match(/^0x[0-9a-f]{64}$/);
  });

  it("down without down() reverts the node to the snapshot kept in the snapshots file", async () => {
    await ok("migrate", "--only", "1");
    await ok("migrate", "--from", "3");
    await ok("migrate");
    expect(await readdir(registryDir)).to.include("31337.snapshots.json");
    // Completed in the order 1, 3 (--from 3), 2: the two latest are 2 and 3, and 3 has no down().
    const out = await ok("migrate", "down", "--steps", "2");
    expect(out).to.contain("undone (reverted the dev chain to its snapshot): 2_b.js");
    expect(out).to.contain("undone (reverted the dev chain to its snapshot): 3_c.js");
    const status = await ok("migrate", "status");
    expect(status).to.match(/1\s+1_a\.js\s+up/).and.to.match(/3\s+3_c\.js\s+pending/);
  });

  it("redo runs down() of the latest and runs it again", async () => {
    await ok("migrate", "--only", "1");
    const out = await ok("migrate", "redo");
    expect(out).to.contain("| undoing A").and.to.contain("undone (ran its down()): 1_a.js");
    expect(out).to.match(/1_a\.js\n {4}tx 0x[0-9a-f]{64} \(create, nonce \d+\) sent\n {2}Token/);
  });

  it("--reset runs every migration again on a dev chain", async () => {
    await ok("migrate");
    const out = await ok("migrate", "--reset");
    expect(out).to.contain("Notice: Reset: this will deploy a new Migrator");
    expect(out).to.contain("Summary: 3 migration(s) run");
  });

  it("store export writes the record; store import of it records nothing new", async () => {
    await ok("migrate");
    const file = path.join(await tempDir(), "record.json");
    await ok("migrate", "store", "export", "--out", file);
    const state = JSON.parse(await readFile(file, "utf8")) as { chainId: number; migrations: Array<{ id: number }> };
    expect(state.chainId).to.equal(31337);
    expect(state.migrations.map((m) => m.id)).to.deep.equal([1, 2, 3]);
    expect(await ok("migrate", "store", "import", file)).to.contain("Recorded 0 migration(s)").and.to.contain("3 were already recorded (1, 2, 3)");
  });

  it("export writes the registries with ABIs for a frontend", async () => {
    await ok("migrate");
    const out = path.join(await tempDir(), "deployments.ts");
    await ok("migrate", "export", "--format", "ts", "--out", out);
    const ts = await readFile(out, "utf8");
    expect(ts).to.contain('"31337": {').and.to.contain('"Token": {').and.to.contain("as const");
  });

  it("down says so, and changes nothing, when the node no longer has the snapshot", async () => {
    await ok("migrate");
    await ok("migrate", "down");
    await ok("migrate");
    const file = path.join(registryDir, "31337.snapshots.json");
    const journal = JSON.parse(await readFile(file, "utf8")) as { snapshots: Record<string, string> };
    for (const id of Object.keys(journal.snapshots)) {
      journal.snapshots[id] = "0x999";
    }
    await writeFile(file, JSON.stringify(journal));
    const block = await blockNumber();
    const result = await hardhat("migrate", "down");
    expect(result.code).to.equal(1);
    expect(result.stdout + result.stderr).to.contain("HHM114").and.to.contain("the node no longer has the snapshot taken before them");
    expect(await blockNumber()).to.equal(block);
  });

  it("--networks migrates several networks with a combined summary", async () => {
    await ok("migrate");
    const result = await runHardhat(fixtureRoot("basic"), ["migrate", "--networks", "testnode,default"], {
      MIGRATIONS_TEST_RPC_URL: node.url,
      MIGRATIONS_TEST_DIR: dir,
      MIGRATIONS_TEST_REGISTRY_DIR: registryDir,
    });
    expect(result.code, result.stderr).to.equal(0);
    expect(result.stdout).to.contain("=== testnode ===").and.to.contain("=== default ===");
    expect(result.stdout).to.match(/Networks:\n {2}testnode: 0 migration\(s\) run, gas 0\n {2}default: 3 migration\(s\) run, gas [\d,]+/);
  });

  it("new creates a typed migration file and prints its path", async () => {
    const newDir = await tempDir("hhm-new-");
    const result = await runHardhat(fixtureRoot("basic"), ["migrate", "new", "add_vault", "--next"], { MIGRATIONS_TEST_DIR: newDir });
    expect(result.code, result.stderr).to.equal(0);
    expect(result.stdout).to.contain("Created").and.to.contain("1_add_vault.ts");
    expect(await readdir(newDir)).to.deep.equal(["1_add_vault.ts"]);
    const bad = await runHardhat(fixtureRoot("basic"), ["migrate", "new", "add vault"], { MIGRATIONS_TEST_DIR: newDir });
    expect(bad.code).to.equal(1);
    expect(bad.stdout + bad.stderr).to.contain("is not a valid migration purpose");
  });
});
