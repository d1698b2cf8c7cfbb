import path from "node:path";

import { expect } from "chai";

import { resolveMigrationsConfig, validateMigrationsUserConfig } from "../../../src/hardhat/config.js";

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

  it("takes a migration timeout in seconds, globally and per network (0: no limit)", () => {
    expect(validateMigrationsUserConfig({ migrationTimeout: 900, networks: { mainnet: { migrationTimeout: 0 } } })).to.deep.equal([]);
    const errors = validateMigrationsUserConfig({ migrationTimeout: -1, networks: { mainnet: { migrationTimeout: "1h" } } });
    expect(errors.map((e) => `${e.path.join(".")}: ${e.message}`)).to.deep.equal([
      "migrations.migrationTimeout: Expected a number of seconds (0 for no limit).",
      "migrations.networks.mainnet.migrationTimeout: Expected a number of seconds (0 for no limit).",
    ]);
    expect(resolveMigrationsConfig({ migrationTimeout: 900 }, "/p").migrationTimeout).to.equal(900);
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

  it("takes the block explorers to verify on, from etherscan, sourcify and blockscout", () => {
    expect(validateMigrationsUserConfig({ explorers: ["sourcify", "blockscout", "etherscan"] })).to.deep.equal([]);
    expect(validateMigrationsUserConfig({ explorers: ["sourcify", "snowtrace"] }).map((e) => e.path.join("."))).to.deep.equal(["migrations.explorers.1"]);
    expect(validateMigrationsUserConfig({ explorers: [] }).map((e) => e.message)).to.deep.equal(['Expected at least one of "etherscan", "sourcify" or "blockscout".']);
    expect(resolveMigrationsConfig({ explorers: ["sourcify", "sourcify"] }, "/p").explorers).to.deep.equal(["sourcify"]);
  });

  it("resolves defaults and absolute paths against the project root", () => {
    expect(resolveMigrationsConfig(undefined, "/p")).to.deep.equal({
      dir: path.resolve("/p/migrations"),
      registryDir: path.resolve("/p/deployments"),
      deployer: 0,
      explorers: ["etherscan"],
      rollback: true,
      migrationTimeout: undefined,
      inProcessRegistry: "memory",
      library: undefined,
      store: "chain",
      networks: {},
      migrator: undefined,
      buildProfile: "production",
      salt: undefined,
      migratorSalt: undefined,
    });
    expect(resolveMigrationsConfig({ dir: "/abs/m", registryDir: "r" }, "/p")).to.include({ dir: "/abs/m", registryDir: path.resolve("/p/r") });
  });

  it("says what each field expects, for wrong types as well as wrong values", () => {
    const messages = (config: unknown) => validateMigrationsUserConfig(config).map((e) => `${e.path.join(".")}: ${e.message}`);
    expect(messages({ networks: "sepolia" })).to.deep.equal(["migrations.networks: Expected an object of network names to { store, confirmations, … }."]);
    expect(messages({ networks: { s: { feeBump: true } } })).to.deep.equal(["migrations.networks.s.feeBump: Expected false or { afterSeconds, percent, maxBumps }."]);
    expect(messages({ networks: { s: { feeBump: { afterSeconds: "60" } } } })).to.deep.equal(["migrations.networks.s.feeBump.afterSeconds: Expected a number of seconds greater than 0."]);
    expect(messages({ networks: { s: { feeBump: { speed: 2 } } } })).to.deep.equal(["migrations.networks.s.feeBump.speed: Unknown option. Known options: afterSeconds, percent, maxBumps."]);
    expect(messages({ networks: { s: { store: "disk", confirmations: 1.5 } } })).to.deep.equal([
      'migrations.networks.s.store: Expected "chain", "file" or "none".',
      "migrations.networks.s.confirmations: Expected a whole number of blocks (0 or more).",
    ]);
    expect(messages({ migrator: "", dir: 3, deployer: 1.5 })).to.deep.equal([
      "migrations.dir: Expected a non-empty path string.",
      "migrations.deployer: Expected an account index (0, 1, …) or a 0x-prefixed address.",
      'migrations.migrator: Expected the artifact name of a contract, e.g. "MyMigrator".',
    ]);
    expect(messages({ migrationTimeout: -1, networks: { s: { migrationTimeout: "1h" } } })).to.deep.equal([
      "migrations.migrationTimeout: Expected a number of seconds (0 for no limit).",
      "migrations.networks.s.migrationTimeout: Expected a number of seconds (0 for no limit).",
    ]);
    expect(messages({ store: "chain", deployer: 2, networks: {}, migrationTimeout: 0 })).to.deep.equal([]);
  });
});
