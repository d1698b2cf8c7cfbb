import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";

import { expect } from "chai";
import { Wallet } from "ethers";

import { parseSnapshot, type NetworkSnapshot } from "../../src/core/network-migration/snapshot-document.js";
import type { HardhatConnectionMigrations } from "../../src/hardhat/connection-migrations.js";
import { runHardhat, type CliResult } from "../helpers/cli.js";
import { createFixtureHre, fixtureRoot, migrationsDir, tempDir } from "../helpers/fixture.js";
import { startHardhatNode, type RunningNode } from "../helpers/hardhat-node.js";
import { VIEW_INPUTS, accountAt, rpc, viewResults } from "../helpers/network-state.js";

/** Deploys a token and a Ledger (mappings, nested mappings, dynamic arrays, strings, ether). */
const deploySystem = `
export default async function ({ deploy }) {
  const token = await deploy("Token", ["Migrated Token", 1000000n]);
  await deploy("Ledger", ["The books of a ledger whose title is longer than thirty-one bytes"], { value: 10n ** 18n });
}
`;

/** Uses the system from several accounts, including a nested call that writes the token. */
const useSystem = `
export default async function ({ registry, ethers }) {
  const [owner, alice, bob] = await ethers.getSigners();
  const ledger = await registry.contract("Ledger");
  const token = await registry.contract("Token");
  const ledgerAddress = await ledger.getAddress();
  await (await token.getFunction("transfer")(ledgerAddress, 5000n)).wait();
  for (const [signer, value, tag] of [[alice, 3n, 1n], [bob, 7n, 2n], [alice, 11n, 3n]]) {
    await (await ledger.connect(signer).getFunction("deposit")(tag, { value })).wait();
  }
  await (await ledger.getFunction("record")(alice.address, 42n, "first entry")).wait();
  await (await ledger.getFunction("record")(bob.address, 2n ** 100n, "a memo longer than thirty-one bytes, stored out of line")).wait();
  await (await ledger.getFunction("close")(0n)).wait();
  await (await ledger.getFunction("popValue")()).wait();
  await (await ledger.getFunction("payOut")(await token.getAddress(), bob.address, 1234n)).wait();
  await (await ledger.connect(alice).getFunction("withdraw")(1n)).wait();
}
`;

describe("offline network migration: snapshot of one node, bootstrap of another", function () {
  let oldNode: RunningNode;
  let newNode: RunningNode;
  let dir: string;
  let registryDir: string;
  let work: string;

  const hardhat = (...args: string[]): Promise<CliResult> =>
    runHardhat(fixtureRoot("basic"), args, {
      MIGRATIONS_TEST_RPC_URL: oldNode.url,
      MIGRATIONS_TEST_RPC_URL_2: newNode.url,
      MIGRATIONS_TEST_DIR: dir,
      MIGRATIONS_TEST_REGISTRY_DIR: registryDir,
    });
  const ok = async (...args: string[]): Promise<string> => {
    const result = await hardhat(...args);
    expect(result.code, `${args.join(" ")}\n${result.stdout}\n${result.stderr}`).to.equal(0);
    return result.stdout;
  };
  const hreFor = (migrations: Record<string, unknown> = {}) =>
    createFixtureHre("basic", { dir, registryDir, ...migrations }, {
      networks: { testnode: { type: "http", url: oldNode.url }, testnode2: { type: "http", url: newNode.url } },
    });

  before(async () => {
    [oldNode, newNode] = await Promise.all([
      startHardhatNode(fixtureRoot("basic")),
      startHardhatNode(fixtureRoot("basic"), undefined, ["--chain-id", "31338"]),
    ]);
    registryDir = await tempDir("hhm-registry-");
    work = await tempDir("hhm-snapshots-");
    dir = await migrationsDir({ "1_deploy_system.js": deploySystem, "2_use_system.js": useSystem });
    await ok("migrate", "--network", "testnode");
    // Traffic outside migrations too: a plain transfer and a deposit sent by a test account.
    const hre = await hreFor();
    const connection = await hre.network.create("testnode");
    const [, alice] = await connection.ethers.getSigners();
    const ledger = await connection.migrations.registry.contract("Ledger");
    await (await ledger.connect(alice!).getFunction("deposit")(99n, { value: 5n })).wait();
    await (await alice!.sendTransaction({ to: Wallet.createRandom().address, value: 1n })).wait();
  });

  after(async () => {
    await Promise.all([oldNode?.stop(), newNode?.stop()]);
  });

  let snapshotFile: string;
  let snapshot: NetworkSnapshot;

  it("migrate snapshot writes a versioned, checksummed, deterministic file and a genesis alloc", async () => {
    snapshotFile = path.join(work, "state.json");
    const genesisFile = path.join(work, "genesis.json");
    const out = await ok("migrate", "snapshot", "--network", "testnode", "--out", snapshotFile, "--genesis", genesisFile);
    const text = await readFile(snapshotFile, "utf8");
    snapshot = parseSnapshot(JSON.parse(text), snapshotFile);
    const registry = JSON.parse(await readFile(path.join(registryDir, "31337.json"), "utf8")) as { contracts: Record<string, { address: string }>; migrator: { address: string; admin: string } };

    expect(snapshot.format).to.equal("hardhat-migrations/network-snapshot@1");
    expect(snapshot.source.chainId).to.equal(31337);
    expect(snapshot.source.blockNumber).to.equal(Number(BigInt((await rpc(oldNode.url, "eth_blockNumber")) as string)));
    expect(snapshot.record.migrations.map((m) => m.id)).to.deep.equal([1, 2]);
    expect(Object.keys(snapshot.accounts).sort()).to.deep.equal(
      // The Migrator's shared MigratorAdmin goes along (its rare calls run there).
      [registry.contracts.Token!.address, registry.contracts.Ledger!.address, registry.migrator.address, registry.migrator.admin].map((a) => a.toLowerCase()).sort(),
    );
    const ledger = snapshot.accounts[registry.contracts.Ledger!.address.toLowerCase()]!;
    expect(ledger.names).to.deep.equal(["Ledger"]);
    expect(BigInt(ledger.balance)).to.equal(10n ** 18n + 3n + 7n + 11n + 5n - 1n);
    // owner, count, title (+ its long-string data), 3 credits, 3 notes, values (length + 3 left
    // after a pop: the popped element's slot is zero again), 2 entries of 3 slots + the long memo.
    expect(Object.keys(ledger.storage).length).to.be.greaterThan(20);
    const token = snapshot.accounts[registry.contracts.Token!.address.toLowerCase()]!;
    expect(Object.keys(token.storage).length).to.equal(2 + 3); // name (short), totalSupply; owner, Ledger, bob
    expect(snapshot.discovery.method).to.equal("prestateTracer");
    expect(snapshot.discovery.warnings).to.deep.equal([]);
    expect(out).to.contain(`Snapshot of testnode (chain 31337) at block ${snapshot.source.blockNumber}: 4 contract(s)`);
    expect(out).to.contain(`Wrote ${snapshotFile} (checksum ${snapshot.checksum})`);

    const genesis = JSON.parse(await readFile(genesisFile, "utf8")) as { alloc: Record<string, { code: string; balance: string; nonce: string; storage: Record<string, string> }> };
    // The contracts, and the accounts that sent transactions (the deployer, alice, bob) with their nonces.
    expect(Object.keys(genesis.alloc).sort()).to.deep.equal([...Object.keys(snapshot.accounts), ...Object.keys(snapshot.senders ?? {})].sort());
    expect(Object.keys(snapshot.senders ?? {}).sort()).to.deep.equal([
      "0x3c44cdddb6a900fa2b585dd299e03d12fa4293bc",
      "0x70997970c51812dc3a010c7d01b50e0d17dc79c8",
      "0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266",
    ]);
    expect(genesis.alloc["0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266"]!.nonce).to.equal(`0x${snapshot.senders!["0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266"]!.nonce.toString(16)}`);
    expect(genesis.alloc[registry.contracts.Ledger!.address.toLowerCase()]!.storage).to.deep.equal(ledger.storage);

    // Deterministic: the same block gives the same bytes, even after more blocks were mined.
    await rpc(oldNode.url, "evm_mine");
    const again = path.join(work, "again.json");
    await ok("migrate", "snapshot", "--network", "testnode", "--block", String(snapshot.source.blockNumber), "--out", again);
    expect(await readFile(again, "utf8")).to.equal(text);
  });

  it("struct logs (for nodes without the prestateTracer) find exactly the same state", async () => {
    const hre = await hreFor();
    const connection = await hre.network.create("testnode");
    const viaStructLogs = await connection.migrations.snapshot({ block: snapshot.source.blockNumber, traceMethod: "structLogs" });
    expect(viaStructLogs.discovery.method).to.equal("structLogs");
    expect(viaStructLogs.accounts).to.deep.equal(snapshot.accounts);
  });

  it("a source node without debug_traceTransaction is refused with HHM200", async () => {
    const hre = await hreFor();
    const connection = await hre.network.create("testnode");
    const migrations = connection.migrations as HardhatConnectionMigrations;
    const host = await migrations.host();
    const { takeSnapshot } = await import("../../src/core/network-migration/take-snapshot.js");
    const provider = {
      request: async (args: { method: string; params?: unknown[] | object }) => {
        if (args.method === "debug_traceTransaction") throw new Error("the method debug_traceTransaction does not exist/is not available");
        return connection.provider.request(args);
      },
    };
    let error: unknown;
    try {
      await takeSnapshot({ ...host, provider });
    } catch (e) {
      error = e;
    }
    expect((error as { code?: string }).code).to.equal("SNAPSHOT_TRACE_UNSUPPORTED");
    expect((error as Error).message).to.contain("HHM200").and.to.contain("debug_traceTransaction");
  });

  it("bootstrap refuses a snapshot whose content changed after it was written", async () => {
    const tampered = path.join(work, "tampered.json");
    const doc = JSON.parse(await readFile(snapshotFile, "utf8")) as { accounts: Record<string, { balance: string }> };
    Object.values(doc.accounts)[0]!.balance = "0x1";
    await writeFile(tampered, JSON.stringify(doc));
    const result = await hardhat("migrate", "bootstrap", tampered, "--network", "testnode2");
    expect(result.code).to.equal(1);
    expect(result.stdout + result.stderr).to.contain("HHM202").and.to.contain("its checksum is");
    expect(await rpc(newNode.url, "eth_getCode", [Object.keys(doc.accounts)[0], "latest"])).to.equal("0x");
  });

  it("bootstrap refuses the snapshot's own chain", async () => {
    const result = await hardhat("migrate", "bootstrap", snapshotFile, "--network", "testnode");
    expect(result.code).to.equal(1);
    expect(result.stdout + result.stderr).to.contain("HHM204").and.to.contain("this is the snapshot's own chain");
  });

  it("migrate bootstrap makes the new node hold every slot, balance and view result of the old one", async () => {
    const out = await ok("migrate", "bootstrap", snapshotFile, "--network", "testnode2");
    expect(out).to.contain(`Bootstrapped testnode2 (chain 31338) from chain 31337 block ${snapshot.source.blockNumber}: 4 contract(s)`);
    expect(out).to.contain("Verified slot by slot");
    expect(out).to.contain("Record: Migrator").and.to.contain("2 completed migration(s) (copied with the Migrator's state)");

    const block = `0x${snapshot.source.blockNumber.toString(16)}`;
    for (const [address, account] of Object.entries(snapshot.accounts)) {
      const slots = Object.keys(account.storage);
      expect(await accountAt(newNode.url, address, slots), address).to.deep.equal(await accountAt(oldNode.url, address, slots, block));
    }
    const hre = await hreFor();
    for (const name of ["Token", "Ledger"]) {
      const { address, artifact } = snapshot.registry.contracts[name]!;
      const { abi } = await hre.artifacts.readArtifact(artifact);
      const before = await viewResults(oldNode.url, address, abi, VIEW_INPUTS);
      const after = await viewResults(newNode.url, address, abi, VIEW_INPUTS);
      expect(before.untested, name).to.deep.equal([]);
      expect(Object.keys(after.results).length).to.be.greaterThan(3);
      expect(after.results, name).to.deep.equal(before.results);
    }
    const { MIGRATOR_ARTIFACT } = await import("../../src/generated/migrator-artifact.js");
    const migratorViews = await viewResults(newNode.url, snapshot.registry.migrator!.address, MIGRATOR_ARTIFACT.abi, VIEW_INPUTS);
    expect(migratorViews.results).to.deep.equal((await viewResults(oldNode.url, snapshot.registry.migrator!.address, MIGRATOR_ARTIFACT.abi, VIEW_INPUTS)).results);

    const registry = JSON.parse(await readFile(path.join(registryDir, "31338.json"), "utf8")) as {
      chainId: number;
      contracts: Record<string, { address: string }>;
      networkMigration: Record<string, unknown>;
    };
    expect(registry.chainId).to.equal(31338);
    expect(registry.contracts.Ledger!.address).to.equal(snapshot.registry.contracts.Ledger!.address);
    expect(registry.networkMigration).to.deep.equal({
      role: "target",
      status: "bootstrapped",
      peer: { chainId: 31337, genesisHash: snapshot.source.genesisHash, network: "testnode" },
      startedAtBlock: snapshot.source.blockNumber,
      syncedToBlock: snapshot.source.blockNumber,
      snapshotChecksum: snapshot.checksum,
    });
    // The new chain's record says both migrations ran: nothing runs again there.
    expect(await ok("migrate", "status", "--network", "testnode2")).to.match(/1\s+1_deploy_system\.js\s+up/).and.to.match(/2\s+2_use_system\.js\s+up/);
    expect(await ok("migrate", "--network", "testnode2")).to.contain("Nothing to migrate on testnode2 (chain 31338): 2 migration(s) already completed.");
  });

  it("a new deploying migration runs on the bootstrapped network: the senders' nonces were copied", async () => {
    const deployer = "0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266";
    const block = `0x${snapshot.source.blockNumber.toString(16)}`;
    const nonceAfterBootstrap = await rpc(newNode.url, "eth_getTransactionCount", [deployer, "latest"]);

    const next = await migrationsDir({
      "1_deploy_system.js": deploySystem,
      "2_use_system.js": useSystem,
      "3_new_token.js": `export default async function ({ deploy }) { await deploy("Token", ["After bootstrap", 5n], { as: "NewToken" }); }`,
    });
    const run = await runHardhat(fixtureRoot("basic"), ["migrate", "--network", "testnode2", "--no-compile"], {
      MIGRATIONS_TEST_RPC_URL_2: newNode.url,
      MIGRATIONS_TEST_DIR: next,
      MIGRATIONS_TEST_REGISTRY_DIR: registryDir,
    });
    expect(run.code, run.stdout + run.stderr).to.equal(0);
    expect(run.stdout).to.contain("3_new_token.js");
    const registry = JSON.parse(await readFile(path.join(registryDir, "31338.json"), "utf8")) as { contracts: Record<string, { address: string }> };
    const created = registry.contracts.NewToken!.address.toLowerCase();
    expect(Object.keys(snapshot.accounts)).to.not.include(created);
    expect(await rpc(newNode.url, "eth_getCode", [created, "latest"])).to.not.equal("0x");
    expect(snapshot.senders?.[deployer]).to.not.equal(undefined);
    expect(nonceAfterBootstrap).to.equal(await rpc(oldNode.url, "eth_getTransactionCount", [deployer, block]));
  });

  it("with the file store on the new network, the record goes to its state file", async () => {
    const hre = await hreFor({ networks: { testnode2: { store: "file" } } });
    const connection = await hre.network.create("testnode2");
    const report = await connection.migrations.bootstrap(snapshotFile);
    expect(report.record.store).to.equal(`file ${path.join(registryDir, "31338.migrations.json")}`);
    expect(report.record.recorded).to.deep.equal([1, 2]);
    const state = JSON.parse(await readFile(path.join(registryDir, "31338.migrations.json"), "utf8")) as { chainId: number; migrations: Array<{ id: number; contentHash: string }> };
    expect(state.chainId).to.equal(31338);
    expect(state.migrations.map((m) => [m.id, m.contentHash])).to.deep.equal(snapshot.record.migrations.map((m) => [m.id, m.contentHash]));
    expect((await connection.migrations.status()).rows.map((r) => r.state)).to.deep.equal(["up", "up"]);
  });

  it("on a chain where state cannot be written, a migration re-seeds it from the snapshot with ctx.readSnapshot", async () => {
    const bob = "0x3c44cdddb6a900fa2b585dd299e03d12fa4293bc";
    const reseed = `
export default async function ({ deploy, readSnapshot, log }) {
  const snapshot = await readSnapshot(${JSON.stringify(snapshotFile)});
  const token = await deploy("Token", ["Re-seeded", snapshot.storage("Token", 1)]);
  const bobBalance = snapshot.mappingValue("Token", 2, "address", ${JSON.stringify(bob)});
  await (await token.getFunction("transfer")(${JSON.stringify(bob)}, bobBalance)).wait();
  log("re-seeded from chain " + snapshot.source.chainId + " block " + snapshot.source.blockNumber);
}
`;
    const reseedDir = await migrationsDir({ "1_reseed.js": reseed });
    const hre = await createFixtureHre("basic", { dir: reseedDir });
    const connection = await hre.network.create();
    const logs: string[] = [];
    await connection.migrations.run({ onEvent: (e) => e.type === "log" && logs.push(e.message) });
    const token = await connection.migrations.registry.contract("Token");
    const { results } = await viewResults(oldNode.url, snapshot.registry.contracts.Token!.address, token.interface.formatJson() as never, { balanceOf: [[bob]] });
    expect(await token.getFunction("balanceOf")(bob)).to.equal(BigInt(JSON.parse(results[`balanceOf(address)([${JSON.stringify(bob)}])`]!) as string));
    expect(await token.getFunction("totalSupply")()).to.equal(1_000_000n);
    expect(logs).to.deep.equal([`re-seeded from chain 31337 block ${snapshot.source.blockNumber}`]);
  });
});
