import { expect } from "chai";
import { Interface } from "ethers";

import { encodeDeployData } from "../../../src/core/eth/abi-constructor.js";
import { encodeFunctionCall } from "../../../src/core/eth/abi-function.js";

const ABI = [
  {
    type: "constructor",
    inputs: [
      { name: "supply", type: "uint256" },
      { name: "delta", type: "int64" },
      { name: "tag", type: "bytes4" },
      { name: "config", type: "tuple", components: [{ name: "limit", type: "uint32" }, { name: "owner", type: "address" }] },
      { name: "ids", type: "uint16[]" },
    ],
  },
  { type: "function", name: "mint", inputs: [{ name: "to", type: "address" }, { name: "amount", type: "uint256" }], outputs: [] },
];
const OWNER = "0x00000000000000000000000000000000000000aa";

/**
 * Migrations written for ethers pass numbers as strings and numbers, bytes as Uint8Array, structs
 * as objects: the engine's encoder (on ox) takes what ethers takes and encodes it byte for byte
 * as ethers does.
 */
describe("arguments are taken as ethers takes them", () => {
  const ethers = new Interface(ABI);

  it("constructor arguments: numeric strings (decimal, hex), numbers, Uint8Array, a struct as an object", () => {
    const args = ["1000000000000000000000", -5, new Uint8Array([1, 2, 3, 4]), { limit: "0x10", owner: OWNER }, [1, "2", 3n]];
    const ours = encodeDeployData(ABI, "0x6001", args);
    expect(ours).to.equal(`0x6001${ethers.encodeDeploy(args).slice(2)}`);
  });

  it("function arguments: an amount as a decimal string", () => {
    expect(encodeFunctionCall(ABI, "mint", [OWNER, "42"])).to.equal(ethers.encodeFunctionData("mint", [OWNER, "42"]));
  });

  it("refuses what ethers refuses: a word where a number belongs, a negative unsigned number", () => {
    expect(() => encodeFunctionCall(ABI, "mint", [OWNER, "many"])).to.throw();
    expect(() => ethers.encodeFunctionData("mint", [OWNER, "many"])).to.throw();
    expect(() => encodeFunctionCall(ABI, "mint", [OWNER, -1])).to.throw();
    expect(() => ethers.encodeFunctionData("mint", [OWNER, -1])).to.throw();
  });
});
