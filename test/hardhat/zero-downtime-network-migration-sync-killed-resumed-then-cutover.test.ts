import { readFile, rm, writeFile } from "node:fs/promises";
import { hostname } from "node:os";
import path from "node:path";

import { expect } from "chai";

import { runHardhat, spawnHardhat, type CliResult } from "../helpers/cli.js";
import { createFixtureHre, fixtureRoot, migrationsDir, tempDir } from "../helpers/fixture.js";
import { startHardhatNode, type RunningNode } from "../helpers/hardhat-node.js";
import { VIEW_INPUTS, accountAt, rpc, viewResults } from "../helpers/network-state.js";

const deploySystem = `
export default async function ({ deploy }) {
  const token = await deploy("Token", ["Synced Token", 1000000n]);
  const ledger = await deploy("Ledger", ["books"], { value: 1000n });
  await (await token.getFunction("transfer")(await ledger.getAddress(), 100000n)).wait();
}
`;

/** A migration run during the window: a contract registered after the bootstrap. */
const deployLater = `
export default async function ({ deploy }) {
  await deploy("Token", ["Late Token", 77n], { as: "LateToken" });
}
`;

interface SyncCheckpointFile {
  syncedToBlock: number;
  accounts: Record<string, { slots: string[] }>;
}

describe("zero-downtime network migration: sync under traffic, killed and resumed, then cutover", function () {
  let oldNode: RunningNode;
  let newNode: RunningNode;
  let registryDir: string;
  let dir: string;
  const env = () => ({
    MIGRATIONS_TEST_RPC_URL: oldNode.url,
    MIGRATIONS_TEST_RPC_URL_2: newNode.url,
    MIGRATIONS_TEST_DIR: dir,
    MIGRATIONS_TEST_REGISTRY_DIR: registryDir,
  });
  const hardhat = (...args: string[]): Promise<CliResult> => runHardhat(fixtureRoot("basic"), args, env());
  const ok = async (...args: string[]): Promise<string> => {
    const result = await hardhat(...args);
    expect(result.code, `${args.join(" ")}\n${result.stdout}\n${result.stderr}`).to.equal(0);
    return result.stdout;
  };
  const hreFor = () =>
    createFixtureHre("basic", { dir, registryDir }, {
      networks: { testnode: { type: "http", url: oldNode.url }, testnode2: { type: "http", url: newNode.url } },
    });
  const head = async () => Number(BigInt((await rpc(oldNode.url, "eth_blockNumber")) as string));
  const checkpointFile = () => path.join(registryDir, "31339.sync.json");
  const readCheckpoint = async () => JSON.parse(await readFile(checkpointFile(), "utf8")) as SyncCheckpointFile;

  /** A bounded traffic generator: `count` transactions of every kind to the old network. */
  async function traffic(count: number, pauseMs = 0): Promise<void> {
    const hre = await hreFor();
    const connection = await hre.network.create("testnode");
    const [owner, alice, bob] = await connection.ethers.getSigners();
    const ledger = await connection.migrations.registry.contract("Ledger");
    const token = await connection.migrations.registry.contract("Token");
    for (let i = 0; i < count; i++) {
      const kind = i % 4;
      if (kind === 0) await (await ledger.connect(alice!).getFunction("deposit")(BigInt(i), { value: BigInt(i + 1) })).wait();
      if (kind === 1) await (await ledger.getFunction("record")(bob!.address, BigInt(i), `memo ${i} `.repeat(i % 3 === 0 ? 6 : 1))).wait();
      if (kind === 2) await (await ledger.getFunction("payOut")(await token.getAddress(), alice!.address, BigInt(i))).wait();
      if (kind === 3) await (await token.connect(owner!).getFunction("transfer")(bob!.address, BigInt(i))).wait();
      if (pauseMs > 0) await new Promise((r) => setTimeout(r, pauseMs));
    }
  }

  before(async () => {
    [oldNode, newNode] = await Promise.all([
      startHardhatNode(fixtureRoot("basic")),
      startHardhatNode(fixtureRoot("basic"), undefined, ["--chain-id", "31339"]),
    ]);
    registryDir = await tempDir("hhm-registry-");
    dir = await migrationsDir({ "1_deploy_system.js": deploySystem });
    await ok("migrate", "--network", "testnode");
    const hre = await hreFor();
    const snapshot = await (await hre.network.create("testnode")).migrations.snapshot();
    await (await hre.network.create("testnode2")).migrations.bootstrap(snapshot);
  });

  after(async () => {
    await Promise.all([oldNode?.stop(), newNode?.stop()]);
  });

  it("sync follows the old network under traffic; SIGKILLed mid-way, it resumes exactly at its checkpoint", async () => {
    const start = (await readCheckpoint()).syncedToBlock;
    const sync = spawnHardhat(fixtureRoot("basic"), ["migrate", "sync", "--from", "testnode", "--to", "testnode2", "--interval", "100"], env());
    const generator = traffic(24, 50);
    // Kill the sync once it has replayed a few blocks, while the generator is still sending.
    const deadline = Date.now() + 90_000;
    while ((await readCheckpoint()).syncedToBlock < start + 6) {
      expect(Date.now(), sync.output()).to.be.below(deadline);
      expect(sync.child.exitCode, sync.output()).to.equal(null);
      await new Promise((r) => setTimeout(r, 100));
    }
    sync.child.kill("SIGKILL");
    await new Promise((r) => sync.child.once("exit", r));
    const killedAt = (await readCheckpoint()).syncedToBlock;
    expect(sync.output()).to.contain(`resuming from block ${start + 1}`).and.to.match(/block \d+: \d+ slot\(s\), \d+ account change\(s\); lag \d+ block\(s\)/);

    // During the window each registry names the other.
    const oldRegistry = JSON.parse(await readFile(path.join(registryDir, "31337.json"), "utf8")) as { networkMigration: Record<string, unknown> };
    expect(oldRegistry.networkMigration).to.include({ role: "source", status: "migrating", startedAtBlock: start });
    expect(oldRegistry.networkMigration.peer).to.include({ chainId: 31339, network: "testnode2" });

    await generator;
    // A migration during the window registers a new contract on the old network.
    await writeMigration("2_deploy_later.js", deployLater);
    await ok("migrate", "--network", "testnode");
    const target = await head();
    expect(killedAt).to.be.below(target);
    const out = await ok("migrate", "sync", "--from", "testnode", "--to", "testnode2", "--until", String(target));
    expect(out).to.contain(`resuming from block ${killedAt + 1}`);
    expect(out).not.to.contain(`block ${killedAt}:`);
    expect(out).to.contain(`block ${target}:`).and.to.contain(`Synced testnode2 to block ${target} of testnode`);
    expect((await readCheckpoint()).syncedToBlock).to.equal(target);

    const newRegistry = JSON.parse(await readFile(path.join(registryDir, "31339.json"), "utf8")) as { networkMigration: Record<string, unknown> };
    expect(newRegistry.networkMigration).to.include({ role: "target", status: "syncing", startedAtBlock: start, syncedToBlock: target });
    expect(newRegistry.networkMigration.peer).to.include({ chainId: 31337, network: "testnode" });
  });

  it("cutover refuses while a slot differs, listing it, and changes no registry", async () => {
    const checkpoint = await readCheckpoint();
    const [address, tracked] = Object.entries(checkpoint.accounts).find(([, t]) => t.slots.length > 3)!;
    const slot = tracked.slots[0]!;
    const original = (await rpc(newNode.url, "eth_getStorageAt", [address, slot, "latest"])) as string;
    await rpc(newNode.url, "hardhat_setStorageAt", [address, slot, `0x${"ab".repeat(32)}`]);
    const registryBefore = await readFile(path.join(registryDir, "31337.json"), "utf8");
    const refused = await hardhat("migrate", "cutover", "--from", "testnode", "--to", "testnode2");
    expect(refused.code).to.equal(1);
    expect(refused.stdout + refused.stderr).to.contain("HHM205").and.to.contain("Cutover refused").and.to.contain(`slot ${slot}`).and.to.contain("ab".repeat(32));
    expect(await readFile(path.join(registryDir, "31337.json"), "utf8")).to.equal(registryBefore);
    await rpc(newNode.url, "hardhat_setStorageAt", [address, slot, original]);
  });

  it("cutover takes the old network's run lock to write its registry: a live holder stops it, changing no registry", async () => {
    const lock = path.join(registryDir, "31337.lock");
    // This test process is alive: its lock is never taken over.
    await writeFile(lock, `${JSON.stringify({ pid: process.pid, host: hostname(), startedAt: new Date().toISOString() })}\n`);
    const registryBefore = await readFile(path.join(registryDir, "31337.json"), "utf8");
    try {
      const refused = await hardhat("migrate", "cutover", "--from", "testnode", "--to", "testnode2");
      expect(refused.code).to.equal(1);
      expect(refused.stdout + refused.stderr).to.contain("HHM196").and.to.contain(`process ${process.pid}`);
      expect(await readFile(path.join(registryDir, "31337.json"), "utf8")).to.equal(registryBefore);
    } finally {
      await rm(lock, { force: true });
    }
  });

  it("cutover syncs the last blocks, verifies every slot, and points the registries at each other", async () => {
    await traffic(4);
    const out = await ok("migrate", "cutover", "--from", "testnode", "--to", "testnode2");
    const final = await head();
    expect(out).to.contain(`block ${final}:`).and.to.contain(`at block ${final} of testnode: equal`);
    expect(out).to.contain("Cut over: testnode is decommissioned (its registry names testnode2); testnode2 is active.");

    const checkpoint = await readCheckpoint();
    const block = `0x${final.toString(16)}`;
    for (const [address, tracked] of Object.entries(checkpoint.accounts)) {
      expect(await accountAt(newNode.url, address, tracked.slots), address).to.deep.equal(await accountAt(oldNode.url, address, tracked.slots, block));
    }
    const hre = await hreFor();
    const oldRegistry = JSON.parse(await readFile(path.join(registryDir, "31337.json"), "utf8")) as {
      genesisHash: string;
      contracts: Record<string, { address: string; artifact: string }>;
      networkMigration: Record<string, unknown>;
    };
    const newRegistry = JSON.parse(await readFile(path.join(registryDir, "31339.json"), "utf8")) as typeof oldRegistry;
    expect(Object.keys(oldRegistry.contracts)).to.include("LateToken");
    expect(Object.keys(checkpoint.accounts)).to.include(oldRegistry.contracts.LateToken!.address.toLowerCase());
    for (const name of ["Token", "Ledger", "LateToken"]) {
      const { address, artifact } = oldRegistry.contracts[name]!;
      const { abi } = await hre.artifacts.readArtifact(artifact);
      const before = await viewResults(oldNode.url, address, abi, VIEW_INPUTS);
      expect(before.untested).to.deep.equal([]);
      expect((await viewResults(newNode.url, address, abi, VIEW_INPUTS)).results, name).to.deep.equal(before.results);
    }
    expect(oldRegistry.networkMigration).to.deep.include({ role: "source", status: "decommissioned", cutoverBlock: final });
    expect(oldRegistry.networkMigration.peer).to.deep.equal({ chainId: 31339, genesisHash: newRegistry.genesisHash, network: "testnode2" });
    expect(newRegistry.networkMigration).to.deep.include({ role: "target", status: "active", cutoverBlock: final, syncedToBlock: final });
    expect(newRegistry.networkMigration.peer).to.deep.equal({ chainId: 31337, genesisHash: oldRegistry.genesisHash, network: "testnode" });

    const again = await hardhat("migrate", "sync", "--from", "testnode", "--to", "testnode2", "--until", String(final));
    expect(again.code).to.equal(1);
    expect(again.stdout + again.stderr).to.contain("HHM206").and.to.contain("the cutover already happened");
  });

  it("after the cutover, migrate on the old network refuses and names where the system moved; --allow-decommissioned overrides", async () => {
    await writeMigration("9_after_cutover.js", `export default async function ({ deploy }) { await deploy("Token", ["After", 1n], { as: "After" }); }`);
    const block = await head();
    const refused = await hardhat("migrate", "--network", "testnode", "--no-compile");
    expect(refused.code).to.equal(1);
    expect(refused.stdout + refused.stderr)
      .to.contain("HHM261")
      .and.to.contain("testnode (chain 31337) was decommissioned")
      .and.to.contain("moved to testnode2 (chain 31339)")
      .and.to.contain("npx hardhat migrate --network testnode2")
      .and.to.contain("--allow-decommissioned");
    expect(await head()).to.equal(block);

    const forced = await ok("migrate", "--network", "testnode", "--no-compile", "--allow-decommissioned");
    expect(forced).to.contain("was decommissioned").and.to.contain("9_after_cutover.js");
    expect(await head()).to.be.greaterThan(block);
  });

  it("the new network runs a new deploying migration: sync kept the deployer's nonce up with the old network's", async () => {
    const out = await ok("migrate", "--network", "testnode2", "--no-compile");
    expect(out).to.contain("9_after_cutover.js");
    const registry = JSON.parse(await readFile(path.join(registryDir, "31339.json"), "utf8")) as { contracts: Record<string, { address: string }> };
    expect(await rpc(newNode.url, "eth_getCode", [registry.contracts.After!.address, "latest"])).to.not.equal("0x");
  });

  async function writeMigration(name: string, source: string): Promise<void> {
    const { writeFile } = await import("node:fs/promises");
    await writeFile(path.join(dir, name), source);
  }
});
