import { expect } from "chai";
import type { NetworkConnection } from "hardhat/types/network";

import { MigrationsError } from "../../src/core/errors.js";
import { MigratorStateStore } from "../../src/core/stores/migrator-state-store.js";
import { storeSender } from "../../src/core/transactions/journaled-step.js";
import { MigrationSender, createTransactionLayer } from "../../src/core/transactions/migration-sender.js";
import { createFixtureHre } from "../helpers/fixture.js";
import { describeStateStoreConformance } from "../core/stores/state-store-conformance.js";

let connection: NetworkConnection;

before(async function () {
  const hre = await createFixtureHre("basic");
  connection = await hre.network.create();
});

/** The store sends through the plugin's transaction path, as every command gives it. */
async function deployStore(): Promise<MigratorStateStore> {
  const [deployer] = await connection.ethers.getSigners();
  const layer = createTransactionLayer(connection.provider, { providerAccounts: true });
  const sender = new MigrationSender(layer, { id: 0, fileName: "(the Migrator)" });
  return (await MigratorStateStore.deploy(connection.provider, await storeSender(sender, deployer!))).store;
}

describeStateStoreConformance("MigratorStateStore", deployStore);

describe("MigratorStateStore.attach", () => {
  it("reads the record back and checks the owner", async () => {
    const store = await deployStore();
    await store.record(4, `0x${"ab".repeat(32)}`);
    const [owner, other] = await connection.ethers.getSigners();
    const attached = await MigratorStateStore.attach(connection.provider, owner!, { address: store.address, blockNumber: 0 }, "registry.json");
    expect([...attached!.completed]).to.deep.equal([4]);

    try {
      await MigratorStateStore.attach(connection.provider, other!, { address: store.address, blockNumber: 0 }, "registry.json");
      expect.fail("attached with a signer that does not own the Migrator");
    } catch (error) {
      expect(MigrationsError.is(error, "MIGRATOR_NOT_OWNER")).to.equal(true);
      expect((error as Error).message).to.contain(owner!.address);
    }
  });

  it("resolves undefined where there is no code", async () => {
    const [owner] = await connection.ethers.getSigners();
    const empty = "0x00000000000000000000000000000000000C0DE5";
    expect(await MigratorStateStore.attach(connection.provider, owner!, { address: empty, blockNumber: 0 }, "registry.json")).to.equal(undefined);
  });

  it("reports a contract that is not a Migrator", async () => {
    const [owner] = await connection.ethers.getSigners();
    const token = await connection.ethers.deployContract("Token", ["T", 1n]);
    try {
      await MigratorStateStore.attach(connection.provider, owner!, { address: await token.getAddress(), blockNumber: 0 }, "registry.json");
      expect.fail("attached to a token");
    } catch (error) {
      expect(MigrationsError.is(error, "MIGRATOR_INCOMPATIBLE")).to.equal(true);
    }
  });
});
