import { expect } from "chai";

import { MigrationsError } from "../../../src/core/errors.js";
import type { MigrationStateStore } from "../../../src/core/stores/state-store.js";

const hash = (n: number) => `0x${n.toString(16).padStart(64, "0")}`;

/**
 * The contract of MigrationStateStore (src/core/stores/state-store.ts). Every store runs it:
 * `create` returns a new, empty store each time.
 */
export function describeStateStoreConformance(name: string, create: () => Promise<MigrationStateStore>): void {
  describe(`${name} (state store conformance)`, () => {
    it("declares whether it remembers", async () => {
      expect((await create()).remembers).to.equal(true);
    });

    it("lists records in the order they were recorded, with their content hashes", async () => {
      const store = await create();
      for (const id of [5, 2, 1461005828324]) {
        await store.record(id, hash(id));
      }
      const records = await store.records();
      expect(records.map((r) => r.id)).to.deep.equal([5, 2, 1461005828324]);
      expect(records.map((r) => r.contentHash)).to.deep.equal([hash(5), hash(2), hash(1461005828324)]);
    });

    it("starts empty", async () => {
      expect([...(await (await create()).completed())]).to.deep.equal([]);
    });

    it("returns every recorded id, small, large and timestamp-sized, as a set", async () => {
      const store = await create();
      const ids = [3, 1, 95, 96, 200, 1461005828324, 1461005828325, 20261122153000, Number.MAX_SAFE_INTEGER];
      for (const id of ids) {
        await store.record(id, hash(id));
      }
      expect([...(await store.completed())].sort((a, b) => a - b)).to.deep.equal([...ids].sort((a, b) => a - b));
    });

    it("rejects recording an id twice with MIGRATION_ALREADY_RECORDED", async () => {
      const store = await create();
      await store.record(7, hash(7));
      for (const again of [7]) {
        try {
          await store.record(again, hash(8));
          expect.fail("recorded an id twice");
        } catch (error) {
          expect(MigrationsError.is(error, "MIGRATION_ALREADY_RECORDED")).to.equal(true, String(error));
        }
      }
      expect([...(await store.completed())]).to.deep.equal([7]);
    });

    it("forgets an unrecorded id and can record it again", async () => {
      const store = await create();
      await store.record(2, hash(2));
      await store.record(1461005828324, hash(3));
      await store.unrecord(2);
      await store.unrecord(1461005828324);
      expect([...(await store.completed())]).to.deep.equal([]);
      await store.record(1461005828324, hash(4));
      expect([...(await store.completed())]).to.deep.equal([1461005828324]);
    });

    it("rejects unrecording an id that is not recorded with MIGRATION_NOT_RECORDED", async () => {
      const store = await create();
      try {
        await store.unrecord(5);
        expect.fail("unrecorded an id that was not recorded");
      } catch (error) {
        expect(MigrationsError.is(error, "MIGRATION_NOT_RECORDED")).to.equal(true, String(error));
      }
    });
  });
}

/** The store that keeps nothing ("none") runs its own, smaller contract. */
export function describeForgetfulStoreConformance(name: string, create: () => Promise<MigrationStateStore>): void {
  describe(`${name} (state store conformance: keeps no record)`, () => {
    it("declares that it does not remember, accepts every record and reports none", async () => {
      const store = await create();
      expect(store.remembers).to.equal(false);
      await store.record(1, hash(1));
      await store.record(1, hash(1));
      await store.unrecord(9);
      expect([...(await store.completed())]).to.deep.equal([]);
      expect(await store.records()).to.deep.equal([]);
    });
  });
}
