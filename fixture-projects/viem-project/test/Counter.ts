import assert from "node:assert/strict";
import { describe, it } from "node:test";

import { network } from "hardhat";

import type { ViemMigrationRegistry } from "../../../src/types.js";

describe("Counter, as the migrations leave it", async function () {
  const { migrations, networkHelpers, viem } = await network.create();
  // Defined once: loadFixture reverts to its snapshot on every later call.
  const migrated = () => migrations.fixture<ViemMigrationRegistry>();

  it("starts at 5, counted 3 then 2", async function () {
    const { registry } = await networkHelpers.loadFixture(migrated);
    const counter = await registry.contract<"Counter">("Counter");
    assert.equal(await counter.read.x(), 10n);
  });

  it("counts from the migrated state, and every test starts from it again", async function () {
    const { registry } = await networkHelpers.loadFixture(migrated);
    const counter = await registry.contract<"Counter">("Counter");
    await counter.write.incBy([7n]);
    assert.equal(await counter.read.x(), 17n);
    const [deployer] = await viem.getWalletClients();
    assert.equal((await counter.read.owner()).toLowerCase(), deployer!.account.address.toLowerCase());
  });

  it("starts from the migrated state after a test changed it", async function () {
    const { registry } = await networkHelpers.loadFixture(migrated);
    const counter = await registry.contract<"Counter">("Counter");
    assert.equal(await counter.read.x(), 10n);
  });
});
