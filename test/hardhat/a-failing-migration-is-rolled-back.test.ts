import { expect } from "chai";
import { getCreateAddress } from "ethers";
import type { NetworkConnection } from "hardhat/types/network";

import { captureState, mappingSlot } from "../helpers/chain-state.js";
import { createFixtureHre, migrationsDir } from "../helpers/fixture.js";
import { deployToken, failsAfterChangingState } from "../helpers/migrations.js";

const RECIPIENT = "0x00000000000000000000000000000000000beef1";

async function setUp(rollback: boolean) {
  const dir = await migrationsDir({ "1_token.js": deployToken, "2_fails.js": failsAfterChangingState(RECIPIENT) });
  const hre = await createFixtureHre("basic", { dir, rollback });
  const connection: NetworkConnection = await hre.network.create();
  await connection.migrations.run({ to: 1 });
  const [deployer] = await connection.ethers.getSigners();
  const nonce = await connection.ethers.provider.getTransactionCount(deployer!.address);
  const token = (await connection.migrations.registry.get("Token")).address;
  const migrator = (await connection.migrations.registry.migrator())!.address;
  // Everything the failing migration touches: the deployer, the recipient, the token's balances,
  // the Migrator's record, and the addresses its deployments take.
  const accounts = [deployer!.address, RECIPIENT, token, migrator, getCreateAddress({ from: deployer!.address, nonce }), getCreateAddress({ from: deployer!.address, nonce: nonce + 1 })];
  const slots = [mappingSlot(deployer!.address, 2), mappingSlot(RECIPIENT, 2)];
  return { connection, accounts, slots, token };
}

async function failure(connection: NetworkConnection): Promise<Error & { code?: string; rolledBack?: boolean; result?: { migrations: unknown[] } }> {
  try {
    await connection.migrations.run();
  } catch (error) {
    return error as Error & { code?: string };
  }
  throw new Error("the migration did not fail");
}

describe("a failing migration on the in-process network", () => {
  it("is rolled back: code, storage, balances and nonces as before, registry and record unchanged", async () => {
    const { connection, accounts, slots } = await setUp(true);
    const before = await captureState(connection.provider, accounts, slots);
    const registryBefore = await connection.migrations.registry.all();

    const error = await failure(connection);

    expect(error.code).to.equal("MIGRATION_FAILED");
    expect(error.message).to.contain("2_fails.js").and.to.contain("boom after four transactions").and.to.contain("Rolled back");
    expect(error.rolledBack).to.equal(true);
    expect(error.result!.migrations).to.deep.equal([]);
    expect(await captureState(connection.provider, accounts, slots)).to.deep.equal(before);
    expect(await connection.migrations.registry.all()).to.deep.equal(registryBefore);

    // Still pending: the next run tries it again (and fails again the same way).
    expect((await failure(connection)).code).to.equal("MIGRATION_FAILED");
  });

  it("keeps the partial state when rollback is off, and still does not record it", async () => {
    const { connection, accounts, slots } = await setUp(false);
    const before = await captureState(connection.provider, accounts, slots);

    const error = await failure(connection);

    expect(error.message).to.contain("Not rolled back");
    expect(error.rolledBack).to.equal(false);
    const after = await captureState(connection.provider, accounts, slots);
    expect(after).to.not.deep.equal(before);
    expect(after[accounts[4]!.toLowerCase()]!.code).to.not.equal("0x");
    expect(await connection.migrations.registry.has("Vault")).to.equal(true);
    expect((await failure(connection)).code).to.equal("MIGRATION_FAILED");
  });

  it("fails with the revert reason of a reverted call, rolling back what came before it", async () => {
    const dir = await migrationsDir({
      "1_token.js": deployToken,
      "2_overspend.js": `
        export default async function ({ registry, deploy }) {
          await deploy("Token", ["Second", 1n], { as: "Second" });
          const token = await registry.contract("Token");
          await token.getFunction("transfer")("0x00000000000000000000000000000000000beef1", 10n ** 30n);
        }`,
    });
    const hre = await createFixtureHre("basic", { dir });
    const connection = await hre.network.create();
    const error = await failure(connection);
    expect(error.message).to.contain("2_overspend.js").and.to.contain("Token: balance too low");
    expect(await connection.migrations.registry.has("Second")).to.equal(false);
    expect(await connection.migrations.registry.has("Token")).to.equal(true);
  });

  it("reports an unknown registry name with the names that exist", async () => {
    const dir = await migrationsDir({
      "1_token.js": deployToken,
      "2_typo.js": `export default async function ({ registry }) { registry.get("Tokn"); }`,
    });
    const hre = await createFixtureHre("basic", { dir });
    const error = await failure(await hre.network.create());
    expect(error.message).to.contain("Nothing named Tokn is deployed on chain 31337. Registered: Token.");
  });
});
