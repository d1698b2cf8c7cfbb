import { expect } from "chai";

import { MigrationsError } from "../../src/core/errors.js";
import type { MigrationFile } from "../../src/core/migration-file.js";
import { parseMigrationId, planUp } from "../../src/core/planner.js";

const m = (id: number): MigrationFile => ({
  id,
  purpose: `m${id}`,
  fileName: `${id}_m${id}.ts`,
  path: `/x/${id}_m${id}.ts`,
  contentHash: "0x00",
});
const all = [m(1), m(2), m(5), m(9)];

describe("planUp", () => {
  it("plans every migration not completed, in order", () => {
    expect(planUp(all, new Set([1])).map((x) => x.id)).to.deep.equal([2, 5, 9]);
  });

  it("runs a late-added id lower than completed ones (the record is a set)", () => {
    expect(planUp(all, new Set([1, 5, 9])).map((x) => x.id)).to.deep.equal([2]);
  });

  it("plans nothing when everything completed, ignoring recorded ids without a file", () => {
    expect(planUp(all, new Set([1, 2, 5, 9, 42]))).to.deep.equal([]);
  });

  it("stops at `to`, inclusive", () => {
    expect(planUp(all, new Set(), { to: 5 }).map((x) => x.id)).to.deep.equal([1, 2, 5]);
  });

  it("rejects an unknown `to`, naming the nearest migrations", () => {
    try {
      planUp(all, new Set(), { to: 4 });
      expect.fail("planUp accepted an unknown id");
    } catch (error) {
      expect(MigrationsError.is(error, "UNKNOWN_MIGRATION_ID")).to.equal(true);
      expect((error as Error).message).to.contain("(nearest: 1_m1.ts, 2_m2.ts, 5_m5.ts)");
    }
  });
});

describe("parseMigrationId", () => {
  it("accepts positive integers as numbers or strings", () => {
    expect(parseMigrationId("--to", "42")).to.equal(42);
    expect(parseMigrationId("--to", 1461005828324)).to.equal(1461005828324);
  });

  for (const bad of ["", "abc", "-1", "0", "1.5", "99999999999999999999"]) {
    it(`rejects ${JSON.stringify(bad)}`, () => {
      expect(() => parseMigrationId("--to", bad)).to.throw(MigrationsError, "Invalid option --to");
    });
  }
});
