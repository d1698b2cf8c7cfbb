import { expect } from "chai";

import { FixtureCache } from "../../src/core/fixture-cache.js";
import type { Eip1193Provider } from "../../src/core/provider.js";

function provider(behaviour: { snapshot?: boolean; revert?: boolean }): Eip1193Provider & { calls: string[] } {
  const calls: string[] = [];
  let next = 0;
  return {
    calls,
    request: async ({ method }) => {
      calls.push(method);
      if (method === "evm_snapshot") {
        if (behaviour.snapshot === false) throw new Error("Method evm_snapshot not found");
        return `0x${(++next).toString(16)}`;
      }
      if (method === "evm_revert") return behaviour.revert ?? true;
      throw new Error(`unexpected ${method}`);
    },
  };
}

describe("FixtureCache", () => {
  it("builds a key once and reverts to it afterwards", async () => {
    const p = provider({});
    const cache = new FixtureCache<number>(p, "dev", async () => {});
    let builds = 0;
    const create = async () => ++builds;
    expect(await cache.load("a", create, async () => {})).to.equal(1);
    expect(await cache.load("a", create, async () => {})).to.equal(1);
    expect(builds).to.equal(1);
    expect(p.calls).to.deep.equal(["evm_snapshot", "evm_snapshot", "evm_revert", "evm_snapshot"]);
  });

  it("refuses a network without snapshots, naming it", async () => {
    const cache = new FixtureCache<number>(provider({ snapshot: false }), "sepolia", async () => {});
    try {
      await cache.load("a", async () => 1, async () => {});
      expect.fail("built a fixture without snapshots");
    } catch (error) {
      expect((error as { code?: string }).code).to.equal("FIXTURE_NEEDS_SNAPSHOTS");
      expect((error as Error).message).to.contain("sepolia");
    }
  });

  it("says so when its snapshot was invalidated by someone else", async () => {
    const cache = new FixtureCache<number>(provider({ revert: false }), "dev", async () => {});
    await cache.load("a", async () => 1, async () => {});
    try {
      await cache.load("a", async () => 1, async () => {});
      expect.fail("reverted to a lost snapshot");
    } catch (error) {
      expect((error as { code?: string }).code).to.equal("FIXTURE_SNAPSHOT_LOST");
    }
  });
});
