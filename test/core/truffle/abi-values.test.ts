import { expect } from "chai";
import { AbiCoder, ParamType } from "ethers";

import { callResult, namedList, toEthersValue, toTruffleValue } from "../../../src/core/truffle/abi-values.js";
import { TruffleBN } from "../../../src/core/truffle/bn.js";

const decode = (types: string[], values: unknown[]) => AbiCoder.defaultAbiCoder().decode(types, AbiCoder.defaultAbiCoder().encode(types, values));

describe("ABI values between Truffle scripts and ethers", () => {
  it("turns BNs into bigints everywhere in arrays and plain objects, and leaves the rest as is", () => {
    const date = new Date(0);
    expect(toEthersValue(new TruffleBN("12345678901234567890"))).to.equal(12345678901234567890n);
    expect(toEthersValue([new TruffleBN(1), [new TruffleBN(2)], "3"])).to.deep.equal([1n, [2n], "3"]);
    expect(toEthersValue({ amount: new TruffleBN(5), to: "0xabc", nested: { fee: new TruffleBN(-1) } })).to.deep.equal({ amount: 5n, to: "0xabc", nested: { fee: -1n } });
    expect(toEthersValue(date)).to.equal(date);
    expect(toEthersValue(null)).to.equal(null);
  });

  it("returns integers as BNs, arrays element by element, and tuples as lists with their names", () => {
    const [amounts, point] = decode(["uint256[]", "tuple(uint256 x, int8 y, string name)"], [[1n, 2n], [7n, -3, "p"]]);
    const list = toTruffleValue(ParamType.from("uint256[]"), amounts) as TruffleBN[];
    expect(list.map((v) => [TruffleBN.isBN(v), v.toString()])).to.deep.equal([
      [true, "1"],
      [true, "2"],
    ]);
    const tuple = toTruffleValue(ParamType.from("tuple(uint256 x, int8 y, string name)"), point) as unknown[] & Record<string, unknown>;
    expect(tuple.map(String)).to.deep.equal(["7", "-3", "p"]);
    expect((tuple.x as TruffleBN).toNumber()).to.equal(7);
    expect((tuple.y as TruffleBN).toNumber()).to.equal(-3);
    expect(tuple.name).to.equal("p");
    expect(toTruffleValue(ParamType.from("address"), "0x000000000000000000000000000000000000dEaD")).to.equal("0x000000000000000000000000000000000000dEaD");
  });

  it("names list members only by real names, not by positions", () => {
    const list = namedList([ParamType.from("uint256 balance"), ParamType.from("bool")], [4n, true]) as unknown[] & Record<string, unknown>;
    expect(Object.keys(list)).to.deep.equal(["0", "1", "balance"]);
    expect((list.balance as TruffleBN).toString()).to.equal("4");
  });

  it("gives a call's result as Truffle does: nothing, the one value, or a Result-like object", () => {
    expect(callResult([], decode([], []))).to.equal(undefined);
    const one = callResult([ParamType.from("uint256")], decode(["uint256"], [9n]));
    expect(TruffleBN.isBN(one)).to.equal(true);
    expect((one as TruffleBN).toString()).to.equal("9");
    const two = callResult([ParamType.from("uint256 total"), ParamType.from("string")], decode(["uint256", "string"], [3n, "x"])) as Record<string, unknown>;
    expect(Object.keys(two)).to.deep.equal(["0", "1", "total"]);
    expect((two.total as TruffleBN).toString()).to.equal("3");
    expect(two[1]).to.equal("x");
  });
});
