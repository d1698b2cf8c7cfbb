import { expect } from "chai";

import { toEthersValue, callResult } from "../../../src/core/truffle/abi-values.js";
import { TruffleBN, toBigInt } from "../../../src/core/truffle/bn.js";
import { Interface } from "ethers";

describe("TruffleBN (what Truffle scripts get for integers)", () => {
  it("behaves like bn.js for the methods scripts use", () => {
    const bn = new TruffleBN(1500n);
    expect(bn.toString()).to.equal("1500");
    expect(bn.toString(16)).to.equal("5dc");
    expect(bn.toString("hex", 4)).to.equal("05dc");
    expect(bn.toNumber()).to.equal(1500);
    expect(bn.toJSON()).to.equal("5dc");
    expect(`${bn}`).to.equal("1500");
    expect(bn.add(500).mul("2").sub(new TruffleBN(1)).div(3n).toString()).to.equal("1333");
    expect(bn.mod(7).toNumber()).to.equal(2);
    expect(bn.eq(1500) && bn.gt(1499) && bn.gte(1500) && bn.lt(1501) && bn.lte("1500")).to.equal(true);
    expect(bn.cmp(2000)).to.equal(-1);
    expect(new TruffleBN(0).isZero()).to.equal(true);
    expect(new TruffleBN("ff", 16).toNumber()).to.equal(255);
    expect(new TruffleBN("-5").abs().toString()).to.equal("5");
    expect(new TruffleBN(2).pow(10).toString()).to.equal("1024");
    expect(bn.toBigInt()).to.equal(1500n);
  });

  it("refuses toNumber above 53 bits, as bn.js does", () => {
    expect(() => new TruffleBN(2n ** 60n).toNumber()).to.throw("53 bits");
    expect(new TruffleBN(2n ** 60n).toString()).to.equal("1152921504606846976");
  });

  it("recognises bn.js BNs and turns every BN-like argument into a bigint for ethers", () => {
    const foreign = { words: [5], negative: 0, toString: (base?: number) => (base === 16 ? "5" : "5") };
    expect(TruffleBN.isBN(foreign)).to.equal(true);
    expect(TruffleBN.isBN(5n)).to.equal(false);
    expect(toBigInt(foreign)).to.equal(5n);
    expect(toEthersValue([new TruffleBN(3), foreign, "x", { a: new TruffleBN(1) }])).to.deep.equal([3n, 5n, "x", { a: 1n }]);
  });

  it("returns single outputs as values and several as a web3-style result, integers as BNs", () => {
    const iface = new Interface([
      "function one() view returns (uint256)",
      "function two() view returns (uint256 amount, address who, bool ok)",
      "function list() view returns (uint8[] memory)",
    ]);
    const decode = (fn: string, values: unknown[]) => {
      const fragment = iface.getFunction(fn)!;
      return callResult(fragment.outputs, iface.decodeFunctionResult(fragment, iface.encodeFunctionResult(fragment, values)));
    };
    const one = decode("one", [42n]) as TruffleBN;
    expect(one).to.be.instanceOf(TruffleBN);
    expect(one.toNumber()).to.equal(42);
    const two = decode("two", [7n, "0x00000000000000000000000000000000000000AA", true]) as Record<string, unknown>;
    expect((two[0] as TruffleBN).toString()).to.equal("7");
    expect((two.amount as TruffleBN).toString()).to.equal("7");
    expect(two.who).to.equal("0x00000000000000000000000000000000000000AA");
    expect(two[2]).to.equal(true);
    const list = decode("list", [[1n, 2n]]) as TruffleBN[];
    expect(list.map((b) => b.toNumber())).to.deep.equal([1, 2]);
  });
});
