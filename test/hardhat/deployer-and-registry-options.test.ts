import { readFile } from "node:fs/promises";
import path from "node:path";

import { expect } from "chai";

import { createFixtureHre, migrationsDir, tempDir } from "../helpers/fixture.js";

const SECOND_ACCOUNT = "0x70997970C51812dc3A010C7d01b50e0d17dc79C8";
const THIRD_ACCOUNT = "0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC";

describe("deployer and registry options", () => {
  it("deploys from the configured deployer, and from `from` for one deployment", async () => {
    const dir = await migrationsDir({
      "1_two.js": `
        export default async function ({ deploy, deployer }) {
          await deploy("Token", ["A", 1n]);
          await deploy("Token", ["B", 2n], { as: "OtherToken", from: "${THIRD_ACCOUNT}" });
          await deploy("ConvertLib", { as: "Lib" });
          if ((await deployer.getAddress()) !== "${SECOND_ACCOUNT}") throw new Error("wrong deployer");
        }`,
    });
    const hre = await createFixtureHre("basic", { dir, deployer: SECOND_ACCOUNT });
    const connection = await hre.network.create();
    await connection.migrations.run();
    const registry = await connection.migrations.registry.all();
    expect(registry.Token!.deployer).to.equal(SECOND_ACCOUNT);
    expect(registry.OtherToken!.deployer).to.equal(THIRD_ACCOUNT);
    expect(registry.OtherToken!.args).to.deep.equal(["B", "2"]);
    expect(registry.Lib!.artifact).to.equal("contracts/ConvertLib.sol:ConvertLib");
    const migrator = await connection.migrations.registry.migrator();
    expect(migrator!.deployer).to.equal(SECOND_ACCOUNT);
  });

  it("names a deployer the network does not have", async () => {
    const hre = await createFixtureHre("basic", { deployer: 99 });
    try {
      await (await hre.network.create()).migrations.run();
      expect.fail("ran without a deployer");
    } catch (error) {
      expect((error as { code?: string }).code).to.equal("SIGNER_NOT_AVAILABLE");
      expect((error as Error).message).to.contain("account #99").and.to.contain("there is no account #99");
    }
  });

  it("writes the in-process registry to a file when asked to", async () => {
    const registryDir = await tempDir("hhm-registry-");
    const hre = await createFixtureHre("basic", { registryDir, inProcessRegistry: "file" });
    const connection = await hre.network.create();
    await connection.migrations.run();
    const doc = JSON.parse(await readFile(path.join(registryDir, "31337.json"), "utf8")) as { contracts: Record<string, unknown> };
    expect(Object.keys(doc.contracts)).to.deep.equal(["ConvertLib", "Token", "Vault"]);
  });
});
