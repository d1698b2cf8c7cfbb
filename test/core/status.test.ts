import { expect } from "chai";

import type { MigrationFile } from "../../src/core/migration-file.js";
import { statusRows } from "../../src/core/status.js";

const file = (id: number, contentHash = "0xaa"): MigrationFile => ({ id, purpose: "x", fileName: `${id}_x.ts`, path: `/m/${id}_x.ts`, contentHash });

describe("statusRows", () => {
  it("gives every state, ordered by id", () => {
    const rows = statusRows(
      [file(1), file(2, "0xbb"), file(3), file(5)],
      [
        { id: 2, contentHash: "0xaa", transactionHash: "0x22", blockNumber: 7 },
        { id: 1, contentHash: "0xAA", transactionHash: "0x11", blockNumber: 6 },
        { id: 4, contentHash: "0xaa", blockNumber: 8 },
        { id: 5 },
      ],
    );
    expect(rows.map((r) => [r.id, r.state])).to.deep.equal([
      [1, "up"],
      [2, "changed"],
      [3, "pending"],
      [4, "missing file"],
      [5, "up"],
    ]);
    expect(rows[0]).to.deep.include({ transactionHash: "0x11", blockNumber: 6, fileName: "1_x.ts" });
    expect(rows[3]!.fileName).to.equal(undefined);
  });
});
