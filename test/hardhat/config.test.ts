import path from "node:path";

import { expect } from "chai";

import { resolveMigrationsConfig, validateMigrationsUserConfig } from "../../src/hardhat/config.js";

describe("migrations config", () => {
  it("accepts no section and a full valid one", () => {
    expect(validateMigrationsUserConfig(undefined)).to.deep.equal([]);
    expect(
      validateMigrationsUserConfig({
        dir: "db/migrations",
        registryDir: "out",
        deployer: "0x70997970C51812dc3A010C7d01b50e0d17dc79C8",
        rollback: false,
        inProcessRegistry: "file",
      }),
    ).to.deep.equal([]);
  });

  it("reports each bad field with its path", () => {
    const errors = validateMigrationsUserConfig({ dir: "", deployer: -1, rollback: "yes", inProcessRegistry: "disk", registyDir: "x" });
    expect(errors.map((e) => e.path.join("."))).to.deep.equal([
      "migrations.dir",
      "migrations.deployer",
      "migrations.rollback",
      "migrations.inProcessRegistry",
      "migrations.registyDir",
    ]);
    expect(errors[4]!.message).to.contain("Unknown option");
    expect(validateMigrationsUserConfig({ deployer: "0x123" })[0]!.message).to.contain("account index");
    expect(validateMigrationsUserConfig("migrations")[0]!.message).to.equal("Expected an object.");
  });

  it("checks each network's store, confirmations, timeouts and fee bumping", () => {
    expect(
      validateMigrationsUserConfig({
        networks: { sepolia: { store: "file", confirmations: 2, txTimeout: 300, pollInterval: 4, feeBump: { afterSeconds: 90, percent: 15, maxBumps: 3 } }, local: { feeBump: false } },
      }),
    ).to.deep.equal([]);
    const errors = validateMigrationsUserConfig({
      networks: { a: { confirmations: -1, txTimeout: 0, feeBump: { percent: 5, maxBumps: 0 }, retries: 3 }, b: "x" },
    });
    expect(errors.map((e) => e.path.join("."))).to.deep.equal([
      "migrations.networks.a.confirmations",
      "migrations.networks.a.txTimeout",
      "migrations.networks.a.feeBump.percent",
      "migrations.networks.a.feeBump.maxBumps",
      "migrations.networks.a.retries",
      "migrations.networks.b",
    ]);
    expect(errors[2]!.message).to.contain("at least 10");
  });

  it("resolves defaults and absolute paths against the project root", () => {
    expect(resolveMigrationsConfig(undefined, "/p")).to.deep.equal({
      dir: path.resolve("/p/migrations"),
      registryDir: path.resolve("/p/deployments"),
      deployer: 0,
      rollback: true,
      inProcessRegistry: "memory",
      store: "chain",
      networks: {},
      migrator: undefined,
      salt: undefined,
      migratorSalt: undefined,
    });
    expect(resolveMigrationsConfig({ dir: "/abs/m", registryDir: "r" }, "/p")).to.include({ dir: "/abs/m", registryDir: path.resolve("/p/r") });
  });

  it("makes Hardhat refuse an invalid config before anything runs", async () => {
    const { createFixtureHre } = await import("../helpers/fixture.js");
    try {
      await createFixtureHre("basic", { rollback: "no" as unknown as boolean });
      expect.fail("Hardhat accepted the config");
    } catch (error) {
      expect((error as Error).message).to.contain("config.migrations.rollback").and.to.contain("Expected true or false.");
    }
  });
});
