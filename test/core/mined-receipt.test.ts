import { expect } from "chai";

import { receiptFromRpc } from "../../src/core/mined-receipt.js";

describe("receiptFromRpc", () => {
  it("reads an eth_getTransactionReceipt result as plain values: numbers, bigint gas, null for no contract", () => {
    const hash = `0x${"ab".repeat(32)}`;
    const from = "0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed";
    expect(receiptFromRpc({ transactionHash: hash, status: "0x1", blockNumber: "0x10", gasUsed: "0x5208", contractAddress: null, from })).to.deep.equal({
      hash,
      status: 1,
      blockNumber: 16,
      gasUsed: 21_000n,
      contractAddress: null,
      from,
    });
    const created = receiptFromRpc({ transactionHash: hash, status: "0x0", blockNumber: "0x1", gasUsed: "0x1", contractAddress: from, from });
    expect([created.status, created.contractAddress]).to.deep.equal([0, from]);
    expect(receiptFromRpc({ transactionHash: hash, blockNumber: "0x1", gasUsed: "0x1", from }).status).to.equal(null);
  });
});
