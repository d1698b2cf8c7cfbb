import { expect } from "chai";
import { Contract, Interface } from "ethers";

import { encodeSafeCall } from "../../../src/core/safe/safe-call-target.js";

const BOX = "0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359";
const BOX_ABI = ["function setValue(uint256 value)", "function setValue(uint256 value, string note)", "function freeze()"];
/** Contracts and addresses are encoded without the registry or artifacts: touching them is a bug. */
const noLookup = new Proxy({}, { get: () => expect.fail("the registry or artifacts were read for a contract or an address target") }) as never;

describe("a Safe call's target is encoded as ethers would encode it", () => {
  it("an ethers contract: its address and its ABI (overloads told apart by signature)", async () => {
    const box = new Contract(BOX, BOX_ABI);
    const plain = await encodeSafeCall(box, "freeze", [], {}, noLookup);
    expect(plain.call).to.deep.equal({ to: BOX, value: "0", data: new Interface(BOX_ABI).encodeFunctionData("freeze", []) });
    const overload = await encodeSafeCall(box, "setValue(uint256,string)", [7n, "seven"], { value: 5n }, noLookup);
    expect(overload.call.data).to.equal(new Interface(BOX_ABI).encodeFunctionData("setValue(uint256,string)", [7n, "seven"]));
    expect(overload.description).to.equal(`contract.setValue(7, "seven") at ${BOX} with 5 wei`);
  });

  it("a bare address with the function's signature, with or without parameter names", async () => {
    const expected = new Interface(BOX_ABI).encodeFunctionData("setValue(uint256)", [42n]);
    expect((await encodeSafeCall(BOX, "setValue(uint256)", [42n], {}, noLookup)).call.data).to.equal(expected);
    expect((await encodeSafeCall(BOX, "setValue(uint256 value)", [42n], {}, noLookup)).call.data).to.equal(expected);
  });

  it("says what is wrong: a bare name for an address, a function the contract lacks, arguments that do not fit", async () => {
    const box = new Contract(BOX, BOX_ABI);
    await expectRejection(encodeSafeCall(BOX, "setValue", [1n], {}, noLookup), /give the function's signature \(e\.g\. "setValue\(uint256\)"\)/);
    await expectRejection(encodeSafeCall(box, "missing", [], {}, noLookup), /cannot encode missing\(…\) with 0 argument\(s\)/);
    await expectRejection(encodeSafeCall(box, "setValue", [1n], {}, noLookup), /cannot encode setValue\(…\) with 1 argument\(s\): .*setValue/);
    await expectRejection(encodeSafeCall(box, "freeze", [1n], {}, noLookup), /cannot encode freeze\(…\) with 1 argument\(s\)/);
  });
});

async function expectRejection(promise: Promise<unknown>, message: RegExp): Promise<void> {
  try {
    await promise;
  } catch (error) {
    expect((error as Error).message).to.match(message);
    return;
  }
  expect.fail("expected a rejection");
}
