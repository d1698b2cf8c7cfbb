import { expect } from "chai";

import { journalKnowledge } from "../../../src/core/registry/journal-deployments.js";

const line = (entry: object) => `${JSON.stringify(entry)}\n`;
const header = line({ type: "header", format: "hardhat-migrations/journal@1", chainId: 5, genesisHash: "0xaa" });
const creation = (migration: number, step: number, address: string, hash: string) =>
  line({ type: "tx-sending", migration, step, nonce: step, block: 1, from: "0xd0", to: null, data: "0x01", value: "0", kind: "call" }) +
  line({ type: "tx-sent", migration, step, hash, nonce: step }) +
  line({ type: "tx-mined", migration, step, hash, block: 2, status: 1, contractAddress: address });
const started = (migration: number) => line({ type: "migration-started", migration, file: `${migration}_x.js`, contentHash: "0x00", at: "t" });
const ended = (migration: number, type = "migration-completed") => line({ type, migration, at: "t", ...(type === "migration-failed" ? { reason: "r" } : {}) });

describe("what a journal knows about finished work (for a lost registry)", () => {
  it("finds the Migrator, the completed migrations and the contracts they created", () => {
    const text = header + started(0) + creation(0, 0, "0xm1", "0xh0") + ended(0) + started(1) + creation(1, 0, "0xa1", "0xh1") + creation(1, 1, "0xb1", "0xh2") + ended(1);
    const known = journalKnowledge(text);
    expect(known.migrator).to.deep.include({ address: "0xm1", transactionHash: "0xh0", from: "0xd0" });
    expect([...known.completed]).to.deep.equal([1]);
    expect(known.creations.map((c) => [c.migration, c.step, c.address])).to.deep.equal([
      [1, 0, "0xa1"],
      [1, 1, "0xb1"],
    ]);
  });

  it("ignores what a failed, rolled back or unfinished migration created, but keeps a resumed one's reused steps", () => {
    const text =
      header +
      started(1) + creation(1, 0, "0xa1", "0xh1") + ended(1, "migration-failed") +
      started(1) + ended(1, "migration-force-cleaned") +
      started(2) + creation(2, 0, "0xc2", "0xh3") + ended(2, "migration-rolled-back") +
      started(3) + creation(3, 0, "0xd3", "0xh4") +
      // Resumed after a failure (no new start line): the first attempt's step is reused.
      started(4) + creation(4, 0, "0xe4", "0xh5") + ended(4, "migration-failed") + creation(4, 1, "0xf4", "0xh6") + ended(4);
    const known = journalKnowledge(text);
    expect(known.migrator).to.equal(undefined);
    expect([...known.completed]).to.deep.equal([4]);
    expect(known.creations.map((c) => c.address)).to.deep.equal(["0xe4", "0xf4"]);
  });
});
