import { expect } from "chai";

import { createFixtureHre } from "../helpers/fixture.js";

describe("verifying without @nomicfoundation/hardhat-verify loaded", () => {
  it("migrate --verify stops before sending anything and says how to add the plugin", async () => {
    const hre = await createFixtureHre("basic");
    const connection = await hre.network.create();

    const error = await connection.migrations.run({ verify: true }).then(
      () => undefined,
      (e: unknown) => e as Error,
    );

    expect(error?.message).to.include("HHM320");
    expect(error?.message).to.include("npm install --save-dev @nomicfoundation/hardhat-verify");
    expect(await connection.migrations.registry.all()).to.deep.equal({});
    expect((await connection.migrations.status()).rows.map((r) => r.state)).to.deep.equal(["pending", "pending", "pending"]);
  });

  it("migrate verify says the same", async () => {
    const hre = await createFixtureHre("basic");
    const connection = await hre.network.create();
    const error = await connection.migrations.verify().then(
      () => undefined,
      (e: unknown) => e as Error,
    );
    expect(error?.message).to.include("HHM320");
  });
});
