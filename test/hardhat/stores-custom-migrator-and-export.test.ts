import { readFile } from "node:fs/promises";
import path from "node:path";

import { expect } from "chai";
import { Contract } from "ethers";

import { createFixtureHre, migrationsDir, tempDir } from "../helpers/fixture.js";
import { deployTokenAs } from "../helpers/migrations.js";

const files = { "1_a.js": deployTokenAs("A"), "2_b.js": deployTokenAs("B") };

describe("state stores through the config", () => {
  it('"file" records beside the registry, sending no bookkeeping transaction', async () => {
    const registryDir = await tempDir("hhm-registry-");
    const hre = await createFixtureHre("basic", { dir: await migrationsDir(files), registryDir, store: "file", inProcessRegistry: "file" });
    const connection = await hre.network.create();
    const result = await connection.migrations.run();
    expect(result.store).to.equal(`file ${path.join(registryDir, "31337.migrations.json")}`);
    expect(result.migratorDeployment).to.equal(undefined);
    expect(result.migrations.map((m) => m.recordGasUsed)).to.deep.equal([0n, 0n]);
    const state = JSON.parse(await readFile(path.join(registryDir, "31337.migrations.json"), "utf8")) as { migrations: Array<{ id: number }> };
    expect(state.migrations.map((m) => m.id)).to.deep.equal([1, 2]);
    expect((await connection.migrations.run()).migrations).to.deep.equal([]);
    expect((await connection.migrations.status()).rows.map((r) => r.state)).to.deep.equal(["up", "up"]);
  });

  it('"none" runs everything every time and says so', async () => {
    const hre = await createFixtureHre("basic", { dir: await migrationsDir(files), store: "none" });
    const connection = await hre.network.create();
    const notices: string[] = [];
    await connection.migrations.run();
    const second = await connection.migrations.run({ onEvent: (e) => e.type === "notice" && notices.push(e.message) });
    expect(second.migrations.map((m) => m.id)).to.deep.equal([1, 2]);
    expect(notices.join("\n")).to.contain('"none": every migration runs and nothing is recorded');
    expect((await connection.migrations.registry.get("A")).history).to.have.length(1);
  });

  it("a per-network store overrides the default", async () => {
    const hre = await createFixtureHre("basic", { dir: await migrationsDir(files), store: "chain", networks: { default: { store: "none" } } });
    const result = await (await hre.network.create()).migrations.run();
    expect(result.store).to.contain("none");
  });

  it("store export from the Migrator and import into a file store moves the record without re-running", async () => {
    const dir = await migrationsDir(files);
    const registryDir = await tempDir("hhm-registry-");
    const onChain = await createFixtureHre("basic", { dir, registryDir, inProcessRegistry: "file" });
    const connection = await onChain.network.create();
    await connection.migrations.run();
    const exported = await connection.migrations.exportState();
    expect(exported.migrations.map((m) => m.id)).to.deep.equal([1, 2]);

    // The same chain, now configured with the file store.
    const asFile = await createFixtureHre("basic", { dir, registryDir, inProcessRegistry: "file", store: "file" });
    const fileMigrations = new (await import("../../src/hardhat/connection-migrations.js")).HardhatConnectionMigrations(asFile, connection);
    const imported = await fileMigrations.importState(exported);
    expect(imported.imported).to.deep.equal([1, 2]);
    expect((await fileMigrations.run()).migrations).to.deep.equal([]);
    expect((await fileMigrations.status()).rows.map((r) => r.state)).to.deep.equal(["up", "up"]);
  });
});

describe("a custom Migrator (migrations.migrator)", () => {
  it("is deployed instead of the shipped one and records the migrations", async () => {
    const hre = await createFixtureHre("basic", { dir: await migrationsDir(files), migrator: "AuditedMigrator" });
    const connection = await hre.network.create();
    await connection.migrations.run();
    const address = (await connection.migrations.registry.migrator())!.address;
    const artifact = await hre.artifacts.readArtifact("AuditedMigrator");
    const migrator = new Contract(address, artifact.abi, connection.ethers.provider);
    expect(((await migrator.getFunction("completed")()) as bigint[]).map(Number)).to.deep.equal([1, 2]);
    expect(await migrator.getFunction("recorders")(0n)).to.equal((await connection.ethers.getSigners())[0]!.address);
    expect((await connection.migrations.run()).migrations).to.deep.equal([]);
  });

  it("is refused before anything is deployed when it lacks the interface", async () => {
    const hre = await createFixtureHre("basic", { dir: await migrationsDir(files), migrator: "NotAMigrator" });
    const connection = await hre.network.create();
    const block = await connection.ethers.provider.getBlockNumber();
    const error = await connection.migrations.run().catch((e: Error) => e);
    expect((error as Error).message)
      .to.contain("NotAMigrator set as `migrations.migrator` cannot be used")
      .and.to.contain("function unrecord(uint256)")
      .and.to.contain("function completed() returns (uint256[])");
    expect(await connection.ethers.provider.getBlockNumber()).to.equal(block);
  });
});

describe("migrate export", () => {
  it("writes every chain's registry with ABIs, as JSON and as TypeScript `as const`", async () => {
    const registryDir = await tempDir("hhm-registry-");
    const hre = await createFixtureHre("basic", { registryDir, inProcessRegistry: "file" });
    await (await hre.network.create()).migrations.run();
    const json = JSON.parse(await hre.migrations.exportDeployments("json")) as Record<string, Record<string, { address: string; abi: Array<{ name?: string }> }>>;
    expect(Object.keys(json)).to.deep.equal(["31337"]);
    expect(Object.keys(json["31337"]!)).to.deep.equal(["ConvertLib", "Token", "Vault"]);
    expect(json["31337"]!.Vault!.abi.map((f) => f.name)).to.include("converted");
    const ts = await hre.migrations.exportDeployments("ts");
    expect(ts).to.match(/^\/\/ Generated by/).and.to.contain("export const deployments = {").and.to.contain("} as const;");
  });
});

describe("several networks in one command", () => {
  it("migrates each, and a failure on one leaves the others' results", async () => {
    const hre = await createFixtureHre("basic", {}, {
      networks: { broken: { type: "http", url: "http://127.0.0.1:1" }, other: { type: "edr-simulated" } },
    });
    const outcomes = await hre.migrations.runMany(["default", "broken", "other"]);
    expect(outcomes.map((o) => [o.network, o.error === undefined])).to.deep.equal([
      ["default", true],
      ["broken", false],
      ["other", true],
    ]);
    expect(outcomes[2]!.result!.migrations).to.have.length(3);
  });
});
