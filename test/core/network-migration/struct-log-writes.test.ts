import { expect } from "chai";

import { structLogWrites, word } from "../../../src/core/network-migration/trace-storage.js";

const A = "0x00000000000000000000000000000000000000aa";
const B = "0x00000000000000000000000000000000000000bb";
const C = "0x00000000000000000000000000000000000000cc";

describe("structLogWrites (struct-log fallback of storage discovery)", () => {
  it("attributes SSTOREs to the executing contract, drops reverted frames, and names created contracts", () => {
    const writes = structLogWrites(
      [
        { op: "SSTORE", depth: 1, stack: ["0x7", "0x1"] }, // A[1] = 7
        { op: "CALL", depth: 1, stack: ["0x0", "0x0", "0x0", "0x0", "0x0", B, "0xffff"] },
        { op: "SSTORE", depth: 2, stack: ["0x9", "0x2"] }, // B[2] = 9, then B reverts
        { op: "REVERT", depth: 2, stack: [] },
        { op: "ISZERO", depth: 1, stack: ["0x0"] }, // the call's result: failed
        { op: "DELEGATECALL", depth: 1, stack: ["0x0", "0x0", "0x0", "0x0", B, "0xffff"] },
        { op: "SSTORE", depth: 2, stack: ["0x5", "0x3"] }, // in A's storage: A[3] = 5
        { op: "STOP", depth: 2, stack: [] },
        { op: "POP", depth: 1, stack: ["0x1"] }, // succeeded
        { op: "CREATE", depth: 1, stack: ["0x1"] },
        { op: "SSTORE", depth: 2, stack: ["0x4", "0x0"] }, // the new contract's slot 0 = 4
        { op: "RETURN", depth: 2, stack: [] },
        { op: "POP", depth: 1, stack: [C] },
      ],
      A,
    );
    expect(writes).to.deep.equal([
      { address: A, slot: word("0x1"), value: word("0x7") },
      { address: A, slot: word("0x3"), value: word("0x5") },
      { address: C, slot: word("0x0"), value: word("0x4") },
    ]);
  });
});
