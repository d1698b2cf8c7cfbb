import hardhatEthers from "@nomicfoundation/hardhat-ethers";
import hardhatToolboxViem from "@nomicfoundation/hardhat-toolbox-viem";
import { expect } from "chai";

import migrations from "../../src/index.js";
import type { ViemContract } from "../../src/types.js";
import { createFixtureHre, migrationsDir } from "../helpers/fixture.js";

/** A migration written for neither library: it only deploys, so it runs under both front-ends. */
const DEPLOY_ONLY = `export default async function ({ deploy }) { await deploy("Counter", [1n]); }`;

describe("the contract library follows the plugins the project loads", () => {
  it("a project on hardhat-viem gets viem contracts from its migrations, the registry view and fixtures, and the engine counts viem's writes", async () => {
    const hre = await createFixtureHre("viem-project");
    const connection = await hre.network.create();
    const result = await connection.migrations.run();
    // 1: the deployment and a viem write; 2: a viem write through registry.contract. Each is a
    // transaction of the migration (waited for and counted), not a side channel.
    expect(result.migrations.map((m) => [m.id, m.transactions])).to.deep.equal([
      [1, 2],
      [2, 1],
    ]);
    const counter = await connection.migrations.registry.contract<ViemContract>("Counter");
    expect(counter.address).to.equal((await connection.migrations.registry.get("Counter")).address);
    expect(await counter.read.x!()).to.equal(10n);
    const { registry } = await connection.migrations.fixture();
    expect(await ((await registry.contract("Counter")) as unknown as ViemContract).read.x!()).to.equal(10n);
  });

  it("with both plugins loaded, ethers is the default and `migrations.library: \"viem\"` picks viem", async () => {
    const dir = await migrationsDir({ "1_counter.js": DEPLOY_ONLY });
    const plugins = { plugins: [hardhatToolboxViem, hardhatEthers, migrations] };
    const onEthers = await (await createFixtureHre("viem-project", { dir }, plugins)).network.create();
    await onEthers.migrations.run();
    const asEthers = await onEthers.migrations.registry.contract<{ getFunction(name: string): () => Promise<bigint> }>("Counter");
    expect(await asEthers.getFunction("x")()).to.equal(1n);

    const onViem = await (await createFixtureHre("viem-project", { dir, library: "viem" }, plugins)).network.create();
    await onViem.migrations.run();
    expect(await (await onViem.migrations.registry.contract<ViemContract>("Counter")).read.x!()).to.equal(1n);
  });

  it("`migrations.library: \"ethers\"` without hardhat-ethers is HHM300, naming the plugin to add, before anything is sent", async () => {
    const dir = await migrationsDir({ "1_counter.js": DEPLOY_ONLY });
    const connection = await (await createFixtureHre("viem-project", { dir, library: "ethers" })).network.create();
    const error = await connection.migrations.run().then(
      () => undefined,
      (e: unknown) => e as Error,
    );
    expect(error?.message).to.contain("HHM300").and.to.contain("@nomicfoundation/hardhat-ethers");
    expect(await connection.migrations.registry.migrator()).to.equal(undefined);
    expect(await connection.migrations.registry.all()).to.deep.equal({});
  });
});
