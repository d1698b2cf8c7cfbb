import { expect } from "chai";

import { ERRORS, MigrationsError } from "../../src/core/errors.js";
import { MigrationRunError } from "../../src/core/migration-run-error.js";
import type { MigrateResult } from "../../src/core/results.js";
import { isMigrationsError } from "../../src/is-migrations-error.js";

const emptyRun: MigrateResult = {
  network: { name: "hardhat", chainId: 31337 },
  store: "memory",
  registry: "memory",
  migrations: [],
  deployments: [],
  gasUsed: 0n,
  durationMs: 1,
};

describe("coded errors", () => {
  it("fill the message and hint templates from typed arguments", () => {
    const error = new MigrationsError("MISSING_LIBRARY", { contract: "Token", library: "contracts/Math.sol:Math", libraryName: "Math" });
    expect(error.message).to.equal("HHM131: Token needs the library contracts/Math.sol:Math to be linked, and no address was given for it.");
    expect(error.hint).to.contain('ctx.deploy("Token", args, { libraries: { Math: <address or registry name> } })');
  });

  it("reject a missing or misspelled argument at compile time", () => {
    // @ts-expect-error `outcome` is missing
    const missing = new MigrationsError("MIGRATION_FAILED", { file: "1_a.ts", reason: "boom" });
    // @ts-expect-error `fille` is not a placeholder of the template
    const misspelled = new MigrationsError("MIGRATION_FAILED", { fille: "1_a.ts", reason: "boom", outcome: "" });
    // At run time an unfilled placeholder stays visible rather than printing "undefined".
    expect(missing.message).to.contain("{outcome}");
    expect(misspelled.message).to.contain("{file}");
  });

  it("keep numbers unique across the table", () => {
    const numbers = Object.values(ERRORS).map((d) => d.number);
    expect(new Set(numbers).size).to.equal(numbers.length);
  });

  it("carry a failed run's data in a typed class that the public guard narrows to", () => {
    const failure: unknown = new MigrationRunError("MIGRATION_FAILED", { file: "2_b.ts", reason: "boom", outcome: "Rolled back." }, { result: emptyRun, rolledBack: true });
    expect(isMigrationsError(failure, "MIGRATION_FAILED")).to.equal(true);
    if (isMigrationsError(failure, "MIGRATION_FAILED")) {
      expect(failure.result.network.chainId).to.equal(31337);
      expect(failure.rolledBack).to.equal(true);
      expect(failure.args.file).to.equal("2_b.ts");
    }
    expect(isMigrationsError(failure, "MIGRATION_LOCKED")).to.equal(false);
    expect(isMigrationsError(new Error("HHM122: lookalike"))).to.equal(false);
    expect(isMigrationsError(Object.assign(new Error("x"), { code: "MIGRATION_FAILED", number: 999 }))).to.equal(false);
  });
});
