import { expect } from "chai";

import { migratorDesign, missingMigratorFunctions } from "../../src/core/migrator-interface.js";
import { MIGRATOR_ARTIFACT } from "../../src/generated/migrator-artifact.js";
import { LEGACY_MIGRATOR_V1_ARTIFACT } from "../helpers/legacy-migrator-v1.js";

describe("migratorDesign / missingMigratorFunctions", () => {
  it("accepts the shipped Migrator as design 2, and the earlier Migrator as design 1", () => {
    expect(migratorDesign(MIGRATOR_ARTIFACT.abi)).to.deep.equal({ design: 2, missing: [] });
    expect(migratorDesign(LEGACY_MIGRATOR_V1_ARTIFACT.abi)).to.deep.equal({ design: 1, missing: [] });
  });

  it("names what a design-1 contract lacks or declares differently", () => {
    const abi = LEGACY_MIGRATOR_V1_ARTIFACT.abi.filter((f) => !("name" in f) || (f.name !== "unrecord" && f.name !== "MigrationCompleted"));
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

  it("names what a design-2 contract lacks", () => {
    const abi = MIGRATOR_ARTIFACT.abi.filter((f) => !("name" in f) || (f.name !== "MigrationUnrecorded" && f.name !== "owner"));
    expect(missingMigratorFunctions(abi)).to.deep.equal(["function owner() returns (address)", "event MigrationUnrecorded(uint256)"]);
  });
});
