import { expect } from "chai";

import { logsInParts, type RawLog } from "../../../src/core/logs-in-parts.js";
import type { Eip1193Provider } from "../../../src/core/provider.js";

/** A node with one log every 7 blocks up to block 100 that, as hosted RPCs do, refuses ranges over 10 blocks. */
function limitedNode(): Eip1193Provider & { requests: number } {
  const logs: RawLog[] = [];
  for (let block = 0; block <= 100; block += 7) {
    logs.push({ topics: ["0x01"], data: "0x", transactionHash: `0x${block.toString(16).padStart(64, "0")}`, blockNumber: `0x${block.toString(16)}`, logIndex: "0x0" });
  }
  const node = {
    requests: 0,
    async request({ method, params }: { method: string; params?: unknown[] | object }): Promise<unknown> {
      node.requests++;
      if (method === "eth_blockNumber") {
        return "0x64";
      }
      const [filter] = params as [{ fromBlock: string; toBlock: string }];
      const from = Number(filter.fromBlock);
      const to = filter.toBlock === "latest" ? 100 : Number(filter.toBlock);
      if (to - from > 10) {
        throw Object.assign(new Error("query exceeds max block range 10"), { code: -32005 });
      }
      return logs.filter((log) => Number(log.blockNumber) >= from && Number(log.blockNumber) <= to);
    },
  };
  return node;
}

describe("a Safe's execution logs are read in parts when the node refuses a long range", () => {
  it("finds every log from the proposal's block to the head, each once, in block order", async () => {
    const node = limitedNode();
    const found = await logsInParts(node, { address: "0x0000000000000000000000000000000000000001", topics: [] }, 20);
    expect(found.map((log) => Number(log.blockNumber))).to.deep.equal([21, 28, 35, 42, 49, 56, 63, 70, 77, 84, 91, 98]);
    expect(node.requests).to.be.greaterThan(1);
  });

  it("a single block the node still refuses ends with the node's own error", async () => {
    const refusing: Eip1193Provider = {
      request: async ({ method }) => {
        if (method === "eth_blockNumber") {
          return "0x2";
        }
        throw new Error("eth_getLogs is disabled");
      },
    };
    await logsInParts(refusing, { address: "0x0000000000000000000000000000000000000001", topics: [] }, 0).then(
      () => expect.fail("expected the node's error"),
      (error: Error) => expect(error.message).to.equal("eth_getLogs is disabled"),
    );
  });
});
