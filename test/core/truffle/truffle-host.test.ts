import { expect } from "chai";

import { failureOf, runTruffleMigration, withCounter } from "./truffle-chain.js";

// The TruffleHost a migration's abstractions and deployer share (run-commonjs-migration builds it):
// what it promises them, seen from a script.
describe("the Truffle host of a migration", () => {
  it("loads literally required artifacts ahead; a computed name has its abi only once loaded", async () => {
    const error = await failureOf(`
const C = artifacts.require(["Coun", "ter"].join(""));
module.exports = function () { return C.abi; };`);
    expect(error.code).to.equal("TRUFFLE_ARTIFACT_NOT_LOADED");
    expect(error.message).to.contain("Counter");

    const { probed } = await runTruffleMigration(`
const C = artifacts.require(["Coun", "ter"].join(""));
module.exports = async function () {
  await C.new(1, "loaded");
  probe("abi", C.abi.length > 0);
};`);
    expect(probed.abi).to.equal(true);
  });

  it("tracks transactions sent from another account as the migration's own", async () => {
    const { result, probed, connection } = await runTruffleMigration(
      withCounter(`
  const sent = counter.bump({ from: accounts[1] });
  sent.then((r) => probe("from", r.receipt.from));`),
    );
    expect(result.transactions).to.equal(2);
    expect(probed.from).to.equal(await (await connection.ethers.getSigners())[1]!.getAddress());
  });

  it("keeps the migration open until an unawaited operation settles; a failure the script handles does not fail it", async () => {
    const { probed, result } = await runTruffleMigration(
      withCounter(`
  counter.fail.call().catch((e) => probe("callFailed", e.message.includes("Counter: nope")));
  counter.fail().catch((e) => probe("sendFailed", e.message.includes("Counter: nope")));`),
    );
    expect(probed).to.deep.equal({ callFailed: true, sendFailed: true });
    expect(result.transactions).to.equal(1);
  });

  it("records an assigned address it did not create with the current block and the deployer", async () => {
    const made = await runTruffleMigration(`
const Plain = artifacts.require("Plain");
module.exports = async function () { probe("plain", (await Plain.new()).address); };`);
    const { registry, connection } = await runTruffleMigration(`
const Plain = artifacts.require("Plain");
module.exports = function () { Plain.address = "${String(made.probed.plain).toLowerCase()}"; };`);
    const entry = registry.get("Plain");
    expect(entry.address).to.equal(made.probed.plain);
    expect(entry.transactionHash).to.equal("");
    expect(entry.blockNumber).to.equal(await connection.ethers.provider.getBlockNumber());
    expect(entry.deployer).to.equal(await (await connection.ethers.getSigners())[0]!.getAddress());
  });
});
