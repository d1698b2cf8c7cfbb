// The idiom to copy: every test starts from the migrated state and may change it freely.
import { expect } from "chai";
import { network } from "hardhat";

const connection = await network.create();

describe("Counter, from the migrated state (connection.migrations.fixture)", () => {
  it("starts at 12 and can be incremented", async () => {
    const { registry } = await connection.migrations.fixture();
    const counter = await registry.contract("Counter");
    expect(await counter.getFunction("count")()).to.equal(12n);
    await (await counter.getFunction("increment")()).wait();
    expect(await counter.getFunction("count")()).to.equal(13n);
  });

  it("starts at 12 again: the previous test's change is gone", async () => {
    const { registry } = await connection.migrations.fixture();
    expect(await (await registry.contract("Counter")).getFunction("count")()).to.equal(12n);
  });

  it("can start from an earlier migration", async () => {
    const { registry, result } = await connection.migrations.fixture({ to: 1 });
    expect(result.migrations.map((m) => m.id)).to.deep.equal([1]);
    expect(await (await registry.contract("Counter")).getFunction("count")()).to.equal(10n);
  });
});

describe("Counter, through networkHelpers.loadFixture", () => {
  it("composes: loadFixture snapshots after migrations.run()", async () => {
    const other = await network.create();
    const migrated = async function migrated() {
      return other.migrations.run();
    };
    const first = await other.networkHelpers.loadFixture(migrated);
    const counter = await other.migrations.registry.contract("Counter");
    await (await counter.getFunction("increment")()).wait();
    const second = await other.networkHelpers.loadFixture(migrated);
    expect(second).to.equal(first);
    expect(await counter.getFunction("count")()).to.equal(12n);
  });
});
