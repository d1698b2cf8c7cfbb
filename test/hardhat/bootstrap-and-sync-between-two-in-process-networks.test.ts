import path from "node:path";

import { expect } from "chai";
import type { HardhatRuntimeEnvironment } from "hardhat/types/hre";

import { type MigrationsError } from "../../src/core/errors.js";
import { createFixtureHre, migrationsDir, tempDir } from "../helpers/fixture.js";
import { deployToken } from "../helpers/migrations.js";

/**
 * bootstrap, sync and cutover driven directly (hre.migrations / connection.migrations) between
 * two in-process chains: fast, no nodes, and each behaviour asserted on the chains themselves.
 */
describe("bootstrap and sync between two in-process networks", function () {
  let hre: HardhatRuntimeEnvironment;
  let registryDir: string;

  const balanceOf = async (network: string, who: string): Promise<bigint> => {
    const connection = await hre.network.getOrCreate(network);
    const token = await connection.migrations.registry.contract("Token");
    return (await token.getFunction("balanceOf")(who)) as bigint;
  };

  beforeEach(async function () {
    registryDir = await tempDir("hhm-registry-");
    hre = await createFixtureHre(
      "basic",
      { dir: await migrationsDir({ "1_token.js": deployToken }), registryDir, inProcessRegistry: "file" },
      { networks: { old: { type: "edr-simulated", chainId: 31337 }, new: { type: "edr-simulated", chainId: 31338 } } },
    );
    const old = await hre.network.getOrCreate("old");
    await old.migrations.run();
  });

  it("bootstrap makes the new chain hold the old one's contracts, state, registry and record", async () => {
    const old = await hre.network.getOrCreate("old");
    const [deployer] = await old.ethers.getSigners();
    const snapshotFile = path.join(registryDir, "state.json");
    await old.migrations.snapshot({ out: snapshotFile });

    const fresh = await hre.network.getOrCreate("new");
    const report = await fresh.migrations.bootstrap(snapshotFile);
    expect(report.equal).to.equal(true);
    expect(report.record.ids).to.deep.equal([1]);
    expect(await fresh.migrations.registry.has("Token")).to.equal(true);
    expect((await fresh.migrations.registry.get("Token")).address).to.equal((await old.migrations.registry.get("Token")).address);
    expect(await balanceOf("new", deployer!.address)).to.equal(1000000n);
    expect((await fresh.migrations.status()).rows.map((r) => [r.id, r.state])).to.deep.equal([[1, "up"]]);
  });

  it("bootstrap refuses the snapshot's own chain", async () => {
    const old = await hre.network.getOrCreate("old");
    const snapshot = await old.migrations.snapshot();
    const error = await old.migrations.bootstrap(snapshot).catch((e: unknown) => e);
    expect((error as MigrationsError).code).to.equal("NETWORK_MIGRATION_SAME_CHAIN");
    expect((error as Error).message).to.contain("the snapshot's own chain");
  });

  it("sync replays a transfer made on the old chain after the bootstrap, and cutover verifies and switches", async () => {
    const old = await hre.network.getOrCreate("old");
    const [, alice] = await old.ethers.getSigners();
    const snapshotFile = path.join(registryDir, "state.json");
    await old.migrations.snapshot({ out: snapshotFile });
    await (await hre.network.getOrCreate("new")).migrations.bootstrap(snapshotFile);

    const token = await old.migrations.registry.contract("Token");
    await (await token.getFunction("transfer")(alice!.address, 250n)).wait();
    expect(await balanceOf("new", alice!.address)).to.equal(0n);

    const head = await old.ethers.provider.getBlockNumber();
    const synced = await hre.migrations.sync({ from: "old", to: "new", until: head });
    expect(synced.syncedToBlock).to.equal(head);
    expect(await balanceOf("new", alice!.address)).to.equal(250n);

    const cutover = await hre.migrations.cutover({ from: "old", to: "new" });
    expect(cutover.equal).to.equal(true);
  });

  it("sync refuses a network that was not bootstrapped from the other", async () => {
    const error = await hre.migrations.sync({ from: "old", to: "new", until: 1 }).catch((e: unknown) => e);
    expect((error as MigrationsError).code).to.equal("SYNC_NOT_BOOTSTRAPPED");
  });
});
