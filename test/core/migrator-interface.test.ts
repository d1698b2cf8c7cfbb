import { expect } from "chai";

import { missingMigratorFunctions } from "../../src/core/migrator-interface.js";
import { MIGRATOR_ARTIFACT } from "../../src/generated/migrator-artifact.js";

describe("missingMigratorFunctions", () => {
  it("accepts the shipped Migrator", () => {
    expect(missingMigratorFunctions(MIGRATOR_ARTIFACT.abi)).to.deep.equal([]);
  });

  it("names what a contract lacks or declares differently", () => {
    const abi = MIGRATOR_ARTIFACT.abi.filter((f) => !("name" in f) || (f.name !== "unrecord" && f.name !== "MigrationCompleted"));
    const withWrongOutput = [
      ...abi.filter((f) => !("name" in f) || f.name !== "completed"),
      { type: "function", name: "completed", inputs: [], outputs: [{ type: "uint64[]", name: "" }], stateMutability: "view" },
    ];
    expect(missingMigratorFunctions(withWrongOutput)).to.deep.equal([
      "function unrecord(uint256)",
      "function completed() returns (uint256[])",
      "event MigrationCompleted(uint256,bytes32)",
    ]);
  });
});
