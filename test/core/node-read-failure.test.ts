import { expect } from "chai";

import { NodeReadFailure, describeNodeFailure, isContractAnswer, retryNodeFailures, tellingNodeFailures } from "../../src/core/node-read-failure.js";

/** An error as an EIP-1193 provider throws it: a message, a JSON-RPC code, maybe data and a cause. */
const rpcError = (message: string, fields: { code?: number | string; data?: unknown; cause?: unknown; statusCode?: number } = {}) =>
  Object.assign(new Error(message, fields.cause !== undefined ? { cause: fields.cause } : undefined), fields);

describe("telling a node's failure from a contract's answer", () => {
  const contractAnswers: Array<[string, unknown]> = [
    ["a revert as EIP-1474 code 3 (Hardhat, geth with data)", rpcError("execution reverted", { code: 3, data: "0x08c379a0" })],
    ["Hardhat's unknown-selector revert (code 3, data 0x)", rpcError("Transaction reverted: function selector was not recognized and there's no fallback function", { code: 3, data: "0x" })],
    ["geth's bare revert (-32000, no data)", rpcError("execution reverted", { code: -32000 })],
    ["a revert with data under -32603 (older nodes)", rpcError("VM Exception while processing transaction: revert", { code: -32603, data: "0x" })],
    ["an invalid opcode", rpcError("invalid opcode: INVALID", { code: -32000 })],
  ];
  for (const [what, error] of contractAnswers) {
    it(`${what} is the contract's answer`, () => {
      expect(isContractAnswer(error)).to.equal(true);
    });
  }

  const nodeFailures: Array<[string, unknown]> = [
    ["a JSON-RPC -32603 internal error", rpcError("internal error", { code: -32603 })],
    ["an HTTP 502 (Hardhat's UnknownError around the status error)", rpcError("Received an unexpected status code from https://rpc.example", { code: -1, cause: rpcError("Bad Gateway", { statusCode: 502 }) })],
    ["a rate limit (-32005)", rpcError("Limit exceeded", { code: -32005 })],
    ["a dropped connection", rpcError("Failed to make POST request to https://rpc.example", { cause: rpcError("other side closed", { code: "UND_ERR_SOCKET" }) })],
    ["a node that lost the block", rpcError("header not found", { code: -32000 })],
    ["a timeout", rpcError("HHE704: Network connection timed out.")],
  ];
  for (const [what, error] of nodeFailures) {
    it(`${what} is the node's failure, and tellingNodeFailures says so`, async () => {
      expect(isContractAnswer(error)).to.equal(false);
      const provider = tellingNodeFailures({ request: () => Promise.reject(error) });
      const thrown = await provider.request({ method: "eth_call" }).catch((e: unknown) => e);
      expect(thrown).to.be.instanceOf(NodeReadFailure);
      expect((thrown as NodeReadFailure).cause).to.equal(error);
    });
  }

  it("a one-line reason adds the HTTP status, JSON-RPC code or socket error the message leaves out", () => {
    expect(describeNodeFailure(nodeFailures[1]![1])).to.equal("Received an unexpected status code from https://rpc.example (HTTP 502)");
    expect(describeNodeFailure(nodeFailures[0]![1])).to.equal("internal error (JSON-RPC error -32603)");
    expect(describeNodeFailure(nodeFailures[3]![1])).to.equal("Failed to make POST request to https://rpc.example (UND_ERR_SOCKET: other side closed)");
  });
});

describe("retryNodeFailures", () => {
  it("asks again while the node fails, at most once per delay, then throws the last failure", async () => {
    let calls = 0;
    const failing = () => {
      calls += 1;
      return Promise.reject(new NodeReadFailure("eth_call", rpcError("internal error", { code: -32603 })));
    };
    const thrown = await retryNodeFailures(failing, [0, 0]).catch((e: unknown) => e);
    expect(thrown).to.be.instanceOf(NodeReadFailure);
    expect(calls).to.equal(3);
  });

  it("returns what a later attempt reads", async () => {
    let calls = 0;
    const once = () => (++calls === 1 ? Promise.reject(new NodeReadFailure("eth_getLogs", new Error("boom"))) : Promise.resolve(42));
    expect(await retryNodeFailures(once, [0, 0])).to.equal(42);
    expect(calls).to.equal(2);
  });

  it("does not ask again when the contract answered (a revert, undecodable data)", async () => {
    let calls = 0;
    const reverting = () => {
      calls += 1;
      return Promise.reject(rpcError("execution reverted", { code: 3, data: "0x" }));
    };
    await retryNodeFailures(reverting, [0, 0]).catch(() => {});
    expect(calls).to.equal(1);
  });
});
