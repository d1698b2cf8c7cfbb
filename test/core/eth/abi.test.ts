import { expect } from "chai";
import { AbiCoder, Interface } from "ethers";

import { findEntry, signatureOf } from "../../../src/core/eth/abi.js";
import { decodeConstructorArgs, encodeDeployData } from "../../../src/core/eth/abi-constructor.js";
import { decodeEventLog, eventTopic } from "../../../src/core/eth/abi-event.js";
import { decodeFunctionResult, encodeFunctionCall, functionSelector } from "../../../src/core/eth/abi-function.js";
import { decodeParameters, encodeParameters } from "../../../src/core/eth/abi-parameters.js";

const ABI = [
  {
    type: "constructor",
    inputs: [
      { name: "owner", type: "address" },
      { name: "limits", type: "uint8[2]" },
      {
        name: "config",
        type: "tuple",
        components: [
          { name: "label", type: "string" },
          { name: "weights", type: "uint32[]" },
          { name: "data", type: "bytes" },
        ],
      },
      { name: "", type: "tuple[]", components: [{ name: "", type: "int16" }, { name: "", type: "bytes4" }] },
    ],
  },
  { type: "function", name: "owner", inputs: [], outputs: [{ name: "", type: "address" }], stateMutability: "view" },
  { type: "function", name: "set", inputs: [{ name: "key", type: "uint256" }, { name: "value", type: "bytes32" }], outputs: [] },
  { type: "function", name: "set", inputs: [{ name: "key", type: "uint256" }], outputs: [] },
  {
    type: "event",
    name: "Changed",
    anonymous: false,
    inputs: [
      { name: "id", type: "uint64", indexed: true },
      { name: "who", type: "address", indexed: true },
      { name: "tag", type: "string", indexed: true },
      { name: "amount", type: "uint128", indexed: false },
      { name: "note", type: "string", indexed: false },
    ],
  },
] as const;

const OWNER = "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed";
const ARGS = [OWNER, [7n, 9n], ["hello", [1n, 2n, 3n], "0xdeadbeef"], [[-5n, "0x01020304"], [300n, "0xa0b0c0d0"]]];
const ethersInterface = new Interface(ABI as unknown as string[]);

describe("eth ABI (functions, constructors, events, parameters) against ethers", () => {
  it("encodes a constructor's arguments byte-for-byte as ethers does, and decodes them in ethers' shape", () => {
    const bytecode = "0x6080604052";
    const data = encodeDeployData(ABI, bytecode, ARGS);
    expect(data).to.equal(bytecode + ethersInterface.encodeDeploy(ARGS).slice(2));
    const decoded = decodeConstructorArgs(ABI, `0x${data.slice(bytecode.length)}`);
    const ethersDecoded = AbiCoder.defaultAbiCoder().decode(ethersInterface.deploy.inputs, `0x${data.slice(bytecode.length)}`);
    expect(decoded).to.deep.equal(deepArray(ethersDecoded));
    expect(decoded).to.deep.equal(ARGS);
  });

  it("encodes calls to overloaded functions by signature, and refuses a bare ambiguous name", () => {
    expect(encodeFunctionCall(ABI, "set(uint256)", [5n])).to.equal(ethersInterface.encodeFunctionData("set(uint256)", [5n]));
    const value = `0x${"ab".repeat(32)}`;
    expect(encodeFunctionCall(ABI, "set(uint256,bytes32)", [5n, value])).to.equal(ethersInterface.encodeFunctionData("set(uint256,bytes32)", [5n, value]));
    expect(() => encodeFunctionCall(ABI, "set", [5n])).to.throw(TypeError, /2 functions named set/);
    expect(() => encodeFunctionCall(ABI, "missing")).to.throw(TypeError, /no function missing/);
    expect(functionSelector(ABI, "owner")).to.equal(ethersInterface.getFunction("owner")!.selector);
    expect(signatureOf(findEntry(ABI, "function", "set(uint256, bytes32)")!)).to.equal("set(uint256,bytes32)");
  });

  it("decodes a function's result, checksumming addresses", () => {
    const raw = ethersInterface.encodeFunctionResult("owner", [OWNER.toLowerCase()]);
    expect(decodeFunctionResult(ABI, "owner", raw)).to.deep.equal([OWNER]);
  });

  it("decodes an event log as ethers does, an indexed string being its topic hash", () => {
    const event = ethersInterface.getEvent("Changed")!;
    const { data, topics } = ethersInterface.encodeEventLog(event, [42n, OWNER, "tagged", 10n ** 30n, "a note"]);
    expect(eventTopic(ABI, "Changed")).to.equal(event.topicHash);
    const decoded = decodeEventLog(ABI, { topics, data });
    const parsed = ethersInterface.parseLog({ topics, data })!;
    expect(decoded?.name).to.equal(parsed.name);
    expect(decoded?.args).to.deep.equal([42n, OWNER, (parsed.args[2] as { hash: string }).hash, 10n ** 30n, "a note"]);
    expect(decodeEventLog(ABI, { topics: [`0x${"00".repeat(32)}`], data: "0x" })).to.equal(undefined);
  });

  it("encodes and decodes elementary parameters given by type name", () => {
    const encoded = encodeParameters(["address", "uint256"], [OWNER, 2n ** 200n]);
    expect(encoded).to.equal(AbiCoder.defaultAbiCoder().encode(["address", "uint256"], [OWNER, 2n ** 200n]));
    expect(decodeParameters(["address", "uint256"], encoded)).to.deep.equal([OWNER, 2n ** 200n]);
  });
});

/** An ethers Result as plain nested arrays. */
function deepArray(value: unknown): unknown {
  return Array.isArray(value) ? Array.from(value as unknown[], deepArray) : value;
}
