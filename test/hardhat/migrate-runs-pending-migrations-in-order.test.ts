import { expect } from "chai";
import { Contract } from "ethers";

import { recordedIds } from "../helpers/migrator-record.js";
import { createFixtureHre } from "../helpers/fixture.js";
import { MIGRATOR_ABI } from "../../src/core/stores/migrator-state-store.js";
import type { MigrationEvent } from "../../src/types.js";

describe("migrate on the in-process network", () => {
  it("runs every migration in order, records them on chain and registers every deployment", async () => {
    const hre = await createFixtureHre("basic");
    const connection = await hre.network.create();
    const [deployer, treasury] = await connection.ethers.getSigners();
    const events: MigrationEvent["type"][] = [];

    const result = await connection.migrations.run({ onEvent: (e) => events.push(e.type) });

    expect(result.network).to.deep.equal({ name: "default", chainId: 31337 });
    expect(result.migrations.map((m) => m.fileName)).to.deep.equal(["1_deploy_token.ts", "2_deploy_vault.ts", "3_configure_vault.ts"]);
    expect(result.deployments.map((d) => d.name)).to.deep.equal(["Token", "ConvertLib", "Vault"]);
    expect(result.migrations[2]!.transactions).to.equal(2);
    const sum = result.migrations.reduce((s, m) => s + m.gasUsed + m.recordGasUsed, 0n) + result.migratorDeployment!.gasUsed;
    expect(result.gasUsed).to.equal(sum);
    expect(events[0]).to.equal("plan");
    expect(events.at(-1)).to.equal("finished");

    // The registry: what later migrations and frontends read.
    const registry = connection.migrations.registry;
    const token = await registry.get("Token");
    expect(token).to.deep.include({
      artifact: "contracts/Token.sol:Token",
      args: ["Migrated Token", "1000000"],
      deployer: deployer!.address,
      migration: 1,
    });
    const vault = await registry.get("Vault");
    expect(vault.args).to.deep.equal([token.address, "3"]);
    expect(vault.libraries).to.deep.equal({ ConvertLib: (await registry.get("ConvertLib")).address });
    expect(await connection.ethers.provider.getBalance(vault.address)).to.equal(1000n);

    // Migration 3's effects are on chain.
    const vaultContract = await registry.contract("Vault");
    expect(await vaultContract.getFunction("converted")(2n)).to.equal(10n);
    const tokenContract = await registry.contract("Token");
    expect(await tokenContract.getFunction("balanceOf")(treasury!.address)).to.equal(250_000n);

    // The Migrator holds the set of completed ids: three changes, one event each.
    const migrator = await registry.migrator();
    const onChain = new Contract(migrator!.address, MIGRATOR_ABI as never, connection.ethers.provider);
    expect(await onChain.getFunction("version")()).to.equal(3n);
    expect(await recordedIds(connection.provider, migrator!.address)).to.deep.equal([1, 2, 3]);
  });

  it("runs nothing the second time, sending no transaction", async () => {
    const hre = await createFixtureHre("basic");
    const connection = await hre.network.create();
    await connection.migrations.run();
    const block = await connection.ethers.provider.getBlockNumber();
    const plans: Array<Extract<MigrationEvent, { type: "plan" }>> = [];

    const again = await connection.migrations.run({ onEvent: (e) => e.type === "plan" && plans.push(e) });

    expect(again.migrations).to.deep.equal([]);
    expect(again.gasUsed).to.equal(0n);
    expect(plans[0]!.pending).to.deep.equal([]);
    expect(plans[0]!.completed).to.equal(3);
    expect(await connection.ethers.provider.getBlockNumber()).to.equal(block);
  });

  it("stops at --to and continues from there on the next run", async () => {
    const hre = await createFixtureHre("basic");
    const connection = await hre.network.create();
    const first = await connection.migrations.run({ to: "2" });
    expect(first.migrations.map((m) => m.id)).to.deep.equal([1, 2]);
    const rest = await connection.migrations.run();
    expect(rest.migrations.map((m) => m.id)).to.deep.equal([3]);
  });

  it("runs through hre.migrations on the default network", async () => {
    const hre = await createFixtureHre("basic");
    const result = await hre.migrations.run();
    expect(result.migrations).to.have.length(3);
    const connection = await hre.network.getOrCreate();
    expect(await connection.migrations.registry.has("Vault")).to.equal(true);
  });
});
