import { readdir } from "node:fs/promises";

import { expect } from "chai";

import { runHardhat } from "../helpers/cli.js";
import { createFixtureHre, fixtureRoot, tempDir } from "../helpers/fixture.js";

describe("connection.migrations.fixture()", () => {
  it("runs the migrations once, then reverts to the migrated state on every call", async () => {
    const hre = await createFixtureHre("basic");
    const connection = await hre.network.create();
    const first = await connection.migrations.fixture();
    expect(first.result.migrations.map((m) => m.id)).to.deep.equal([1, 2, 3]);
    const token = await first.registry.contract("Token");
    const [, , someone] = await connection.ethers.getSigners();
    const before = await token.getFunction("balanceOf")(someone!.address);
    await (await token.getFunction("transfer")(someone!.address, 5n)).wait();
    const blocks = await connection.ethers.provider.getBlockNumber();

    const second = await connection.migrations.fixture();

    expect(second.result).to.equal(first.result);
    expect(await token.getFunction("balanceOf")(someone!.address)).to.equal(before);
    expect(await connection.ethers.provider.getBlockNumber()).to.equal(blocks - 1);
    expect(second.registry.get("Vault").address).to.equal(first.registry.get("Vault").address);
  });

  it("never writes registry files", async () => {
    const registryDir = await tempDir("hhm-registry-");
    const hre = await createFixtureHre("basic", { registryDir, inProcessRegistry: "file" });
    const connection = await hre.network.create();
    await connection.migrations.fixture();
    await connection.migrations.fixture({ to: 1 });
    await connection.migrations.fixture();
    expect(await readdir(registryDir)).to.deep.equal([]);
  });

  it("builds each selection from the state before the first fixture", async () => {
    const hre = await createFixtureHre("basic");
    const connection = await hre.network.create();
    await connection.migrations.fixture();
    const partial = await connection.migrations.fixture({ to: 1 });
    expect(partial.result.migrations.map((m) => m.id)).to.deep.equal([1]);
    expect(partial.registry.has("Vault")).to.equal(false);
    const full = await connection.migrations.fixture();
    expect(full.registry.has("Vault")).to.equal(true);
  });

  it("is the idiom of a user's mocha suite under `npx hardhat test mocha`", async () => {
    const { code, stdout, stderr } = await runHardhat(fixtureRoot("mocha-idiom"), ["test", "mocha"]);
    expect(code, stdout + stderr).to.equal(0);
    expect(stdout).to.contain("4 passing");
  });
});
