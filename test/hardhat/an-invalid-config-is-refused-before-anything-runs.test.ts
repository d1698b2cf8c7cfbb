import { expect } from "chai";

import { createFixtureHre } from "../helpers/fixture.js";

describe("an invalid migrations config", () => {
  it("makes Hardhat refuse it before anything runs, naming the field", async () => {
    try {
      await createFixtureHre("basic", { rollback: "no" as unknown as boolean });
      expect.fail("Hardhat accepted the config");
    } catch (error) {
      expect((error as Error).message).to.contain("config.migrations.rollback").and.to.contain("Expected true or false.");
    }
  });
});
