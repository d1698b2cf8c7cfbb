import { rm, writeFile } from "node:fs/promises";
import path from "node:path";

import { expect } from "chai";
import { getCreateAddress } from "ethers";

import { captureState, mappingSlot } from "../helpers/chain-state.js";
import { createFixtureHre, migrationsDir } from "../helpers/fixture.js";
import { deployToken, deployTokenAs, reversibleToken } from "../helpers/migrations.js";

async function connectionFor(files: Record<string, string>, config: Record<string, unknown> = {}) {
  const dir = await migrationsDir(files);
  const hre = await createFixtureHre("basic", { dir, ...config });
  return { dir, hre, connection: await hre.network.create() };
}

describe("migrate status", () => {
  it("shows up, pending, changed and missing file, with the recording transaction", async () => {
    const { dir, connection } = await connectionFor({ "1_a.js": deployTokenAs("A"), "2_b.js": deployTokenAs("B"), "3_c.js": deployTokenAs("C") });
    await connection.migrations.run({ to: 2 });
    await writeFile(path.join(dir, "2_b.js"), `${deployTokenAs("B")}\n// edited after it ran\n`);
    await connection.migrations.run({ only: 3 });
    await rm(path.join(dir, "3_c.js"));
    await writeFile(path.join(dir, "4_d.js"), deployTokenAs("D"));

    const report = await connection.migrations.status();

    expect(report.rows.map((r) => [r.id, r.fileName, r.state])).to.deep.equal([
      [1, "1_a.js", "up"],
      [2, "2_b.js", "changed"],
      [3, undefined, "missing file"],
      [4, "4_d.js", "pending"],
    ]);
    const receipt = await connection.ethers.provider.getTransactionReceipt(report.rows[0]!.transactionHash!);
    expect(receipt!.to).to.equal((await connection.migrations.registry.migrator())!.address);
    expect(report.rows[0]!.blockNumber).to.equal(receipt!.blockNumber);
  });

  it("shows everything pending before the first migrate, sending nothing", async () => {
    const { connection } = await connectionFor({ "1_a.js": deployToken });
    const block = await connection.ethers.provider.getBlockNumber();
    const report = await connection.migrations.status();
    expect(report.store).to.equal("Migrator (not deployed yet)");
    expect(report.rows.map((r) => r.state)).to.deep.equal(["pending"]);
    expect(await connection.ethers.provider.getBlockNumber()).to.equal(block);
  });
});

describe("migrate down and redo", () => {
  it("runs down() functions, unrecords, and returns registry names to their previous address", async () => {
    const { connection } = await connectionFor({ "1_v1.js": reversibleToken("V1", 1), "2_v2.js": reversibleToken("V2", 2) });
    await connection.migrations.run();
    const v2 = await connection.migrations.registry.get("Token");
    expect(v2.history).to.have.length(1);
    const logs: string[] = [];

    const result = await connection.migrations.down({ onEvent: (e) => e.type === "log" && logs.push(e.message) });

    expect(result.undone).to.deep.equal([{ id: 2, fileName: "2_v2.js", how: "down" }]);
    expect(logs).to.deep.equal(["undoing V2"]);
    const token = await connection.migrations.registry.get("Token");
    expect(token.address).to.equal(v2.history![0]!.address);
    expect(token.history).to.equal(undefined);
    expect((await connection.migrations.status()).rows.map((r) => r.state)).to.deep.equal(["up", "pending"]);

    const again = await connection.migrations.run();
    expect(again.migrations.map((m) => m.id)).to.deep.equal([2]);
  });

  it("undoes migrations without down() by reverting the dev chain to the snapshot before them", async () => {
    const { connection } = await connectionFor({ "1_token.js": deployToken, "2_more.js": deployTokenAs("More"), "3_most.js": deployTokenAs("Most") });
    await connection.migrations.run({ to: 1 });
    const [deployer] = await connection.ethers.getSigners();
    const nonce = await connection.ethers.provider.getTransactionCount(deployer!.address);
    const token = (await connection.migrations.registry.get("Token")).address;
    const migrator = (await connection.migrations.registry.migrator())!.address;
    const accounts = [deployer!.address, token, migrator, getCreateAddress({ from: deployer!.address, nonce })];
    const before = await captureState(connection.provider, accounts, [mappingSlot(deployer!.address, 2)]);
    const registryBefore = await connection.migrations.registry.all();
    await connection.migrations.run();

    const result = await connection.migrations.down({ steps: 2 });

    expect(result.undone.map((u) => [u.id, u.how])).to.deep.equal([[3, "snapshot"], [2, "snapshot"]]);
    expect(await captureState(connection.provider, accounts, [mappingSlot(deployer!.address, 2)])).to.deep.equal(before);
    expect(await connection.migrations.registry.all()).to.deep.equal(registryBefore);
    expect((await connection.migrations.status()).rows.map((r) => r.state)).to.deep.equal(["up", "pending", "pending"]);
  });

  it("down --to keeps that migration and undoes the ones completed after it", async () => {
    const { connection } = await connectionFor({ "1_a.js": reversibleToken("A", 1), "2_b.js": reversibleToken("B", 2), "3_c.js": reversibleToken("C", 3) });
    await connection.migrations.run();
    const result = await connection.migrations.down({ to: 1 });
    expect(result.undone.map((u) => u.id)).to.deep.equal([3, 2]);
  });

  it("says there is nothing to undo on a fresh chain", async () => {
    const { connection } = await connectionFor({ "1_a.js": deployToken });
    const error = await connection.migrations.down().catch((e: Error & { code?: string }) => e);
    expect((error as { code?: string }).code).to.equal("NOTHING_TO_UNDO");
  });

  it("redo undoes the latest migration and runs it again", async () => {
    const { connection } = await connectionFor({ "1_a.js": reversibleToken("A", 1), "2_b.js": reversibleToken("B", 2) });
    await connection.migrations.run();
    const before = (await connection.migrations.registry.get("Token")).address;
    const { down, up } = await connection.migrations.redo();
    expect(down.undone.map((u) => u.id)).to.deep.equal([2]);
    expect(up.migrations.map((m) => m.id)).to.deep.equal([2]);
    expect((await connection.migrations.registry.get("Token")).address).to.not.equal(before);
  });
});

describe("migrate --reset, --dry-run, --from and --only", () => {
  it("--reset deploys a fresh Migrator and runs everything again", async () => {
    const { connection } = await connectionFor({ "1_a.js": deployTokenAs("A"), "2_b.js": deployTokenAs("B") });
    await connection.migrations.run();
    const oldMigrator = (await connection.migrations.registry.migrator())!.address;
    const notices: string[] = [];
    const result = await connection.migrations.run({ reset: true, onEvent: (e) => e.type === "notice" && notices.push(e.message) });
    expect(result.migrations.map((m) => m.id)).to.deep.equal([1, 2]);
    expect((await connection.migrations.registry.migrator())!.address).to.not.equal(oldMigrator);
    expect(notices.join("\n")).to.contain("Reset: this will deploy a new Migrator");
    expect((await connection.migrations.registry.get("A")).history).to.have.length(1);
  });

  it("--dry-run lists what would run and sends nothing", async () => {
    const { connection } = await connectionFor({ "1_a.js": deployTokenAs("A"), "2_b.js": deployTokenAs("B") });
    const block = await connection.ethers.provider.getBlockNumber();
    const result = await connection.migrations.run({ dryRun: true });
    expect(result.planned).to.deep.equal([
      { id: 1, fileName: "1_a.js" },
      { id: 2, fileName: "2_b.js" },
    ]);
    expect(await connection.ethers.provider.getBlockNumber()).to.equal(block);
    expect(await connection.migrations.registry.migrator()).to.equal(undefined);
  });

  it("--from and --only select, and unknown ids are refused", async () => {
    const { connection } = await connectionFor({ "1_a.js": deployTokenAs("A"), "2_b.js": deployTokenAs("B"), "3_c.js": deployTokenAs("C") });
    expect((await connection.migrations.run({ only: 2 })).migrations.map((m) => m.id)).to.deep.equal([2]);
    expect((await connection.migrations.run({ from: 3 })).migrations.map((m) => m.id)).to.deep.equal([3]);
    const error = await connection.migrations.run({ from: 7 }).catch((e: Error) => e);
    expect((error as Error).message).to.contain("No migration has the id 7 (nearest: 1_a.js, 2_b.js, 3_c.js)");
  });
});
