import { readFile } from "node:fs/promises";
import path from "node:path";

import { expect } from "chai";
import { getCreateAddress } from "ethers";

import { captureState, mappingSlot } from "../helpers/chain-state.js";
import { runHardhat } from "../helpers/cli.js";
import { createFixtureHre, fixtureRoot, migrationsDir, tempDir } from "../helpers/fixture.js";
import { startHardhatNode, type RunningNode } from "../helpers/hardhat-node.js";
import { deployToken, failsAfterChangingState } from "../helpers/migrations.js";

const RECIPIENT = "0x00000000000000000000000000000000000beef1";

describe("migrate over HTTP against a `hardhat node` started by the test", function () {
  let node: RunningNode;
  let registryDir: string;
  const env = () => ({ MIGRATIONS_TEST_RPC_URL: node.url, MIGRATIONS_TEST_REGISTRY_DIR: registryDir });
  const hreFor = (dir?: string) =>
    createFixtureHre("basic", { registryDir, ...(dir !== undefined ? { dir } : {}) }, {
      networks: { testnode: { type: "http", url: node.url } },
    });

  before(async () => {
    node = await startHardhatNode(fixtureRoot("basic"));
    registryDir = await tempDir("hhm-registry-");
  });

  after(async () => {
    await node?.stop();
  });

  it("migrates, writes the registry file, and re-runs nothing", async () => {
    const first = await runHardhat(fixtureRoot("basic"), ["migrate", "--network", "testnode"], env());
    expect(first.code, first.stderr).to.equal(0);
    expect(first.stdout).to.contain("Migrating testnode (chain 31337): 3 pending");
    const file = path.join(registryDir, "31337.json");
    expect(first.stdout).to.contain(`Registry: ${file}`);

    const text = await readFile(file, "utf8");
    const doc = JSON.parse(text) as { chainId: number; genesisHash: string; migrator: { address: string }; contracts: Record<string, { address: string; migration: number }> };
    expect(doc.chainId).to.equal(31337);
    expect(doc.genesisHash).to.match(/^0x[0-9a-f]{64}$/);
    expect(Object.keys(doc.contracts)).to.deep.equal(["ConvertLib", "Token", "Vault"]);
    expect(doc.contracts.Vault!.migration).to.equal(2);

    const second = await runHardhat(fixtureRoot("basic"), ["migrate", "--network", "testnode"], env());
    expect(second.code, second.stderr).to.equal(0);
    expect(second.stdout).to.contain("Nothing to migrate on testnode (chain 31337): 3 migration(s) already completed.");
    expect(await readFile(file, "utf8")).to.equal(text);

    // The same registry, read from code over HTTP.
    const hre = await hreFor();
    const connection = await hre.network.create("testnode");
    expect((await connection.migrations.registry.get("Vault")).address).to.equal(doc.contracts.Vault!.address);
    const vault = await connection.migrations.registry.contract("Vault");
    expect(await vault.getFunction("converted")(2n)).to.equal(10n);
    expect((await connection.migrations.registry.migrator())!.address).to.equal(doc.migrator.address);
  });

  it("rolls a failing migration back over HTTP", async () => {
    const dir = await migrationsDir({ "1_token.js": deployToken, "2_fails.js": failsAfterChangingState(RECIPIENT) });
    const isolatedRegistry = await tempDir("hhm-registry-");
    const hre = await createFixtureHre("basic", { dir, registryDir: isolatedRegistry }, {
      networks: { testnode: { type: "http", url: node.url } },
    });
    const connection = await hre.network.create("testnode");
    await connection.migrations.run({ to: 1 });
    const [deployer] = await connection.ethers.getSigners();
    const nonce = await connection.ethers.provider.getTransactionCount(deployer!.address);
    const token = (await connection.migrations.registry.get("Token")).address;
    const accounts = [deployer!.address, RECIPIENT, token, getCreateAddress({ from: deployer!.address, nonce }), getCreateAddress({ from: deployer!.address, nonce: nonce + 1 })];
    const slots = [mappingSlot(deployer!.address, 2), mappingSlot(RECIPIENT, 2)];
    const before = await captureState(connection.provider, accounts, slots);
    const fileBefore = await readFile(path.join(isolatedRegistry, "31337.json"), "utf8");

    let message = "";
    try {
      await connection.migrations.run();
    } catch (error) {
      message = (error as Error).message;
    }

    expect(message).to.contain("2_fails.js").and.to.contain("Rolled back");
    expect(await captureState(connection.provider, accounts, slots)).to.deep.equal(before);
    expect(await readFile(path.join(isolatedRegistry, "31337.json"), "utf8")).to.equal(fileBefore);
  });

  it("simulates pending migrations on a fork from code, sending nothing", async () => {
    const dir = await migrationsDir({ "1_token.js": deployToken, "2_more.js": `export default async function ({ deploy }) { await deploy("Token", ["More", 2n], { as: "More" }); }` });
    const isolatedRegistry = await tempDir("hhm-registry-");
    const hre = await createFixtureHre("basic", { dir, registryDir: isolatedRegistry }, { networks: { testnode: { type: "http", url: node.url } } });
    const connection = await hre.network.create("testnode");
    await connection.migrations.run({ to: 1 });
    const block = await connection.ethers.provider.getBlockNumber();

    const simulated = await connection.migrations.run({ dryRun: true, simulate: true });

    expect(simulated.migrations.map((m) => m.id)).to.deep.equal([2]);
    expect(simulated.deployments.map((d) => d.name)).to.deep.equal(["More"]);
    expect(simulated.gasUsed > 0n).to.equal(true);
    expect(await connection.ethers.provider.getBlockNumber()).to.equal(block);
    expect(await connection.migrations.registry.has("More")).to.equal(false);
    expect((await connection.migrations.status()).rows.map((r) => r.state)).to.deep.equal(["up", "pending"]);
  });

  it("starts fresh, with a notice, when the node was restarted", async () => {
    const restartRegistry = await tempDir("hhm-registry-");
    const run = () =>
      runHardhat(fixtureRoot("basic"), ["migrate", "--network", "testnode"], {
        MIGRATIONS_TEST_RPC_URL: node.url,
        MIGRATIONS_TEST_REGISTRY_DIR: restartRegistry,
      });
    expect((await run()).code).to.equal(0);
    const port = node.port;
    await node.stop();
    node = await startHardhatNode(fixtureRoot("basic"), port);

    const again = await run();
    expect(again.code, again.stderr).to.equal(0);
    expect(again.stdout).to.contain("Notice: Starting a fresh registry for chain 31337");
    expect(again.stdout).to.contain("3 pending, 0 already completed");
  });
});
