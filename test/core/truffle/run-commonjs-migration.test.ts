import { expect } from "chai";

import { failureOf, runTruffleMigration } from "./truffle-chain.js";

describe("running a CommonJS migration", () => {
  it("calls a TIP #1 script with (accounts, done), its contracts as globals, and waits for done", async () => {
    const { probed, registry } = await runTruffleMigration(`
module.exports = function (accounts, done) {
  Counter.new(2, "tip").then(function (counter) {
    Counter.address = counter.address;
    probe("accounts", accounts.length);
    done();
  });
};`);
    expect(probed.accounts).to.equal(3);
    expect(registry.has("Counter")).to.equal(true);
  });

  it("fails the migration with the error a TIP #1 script passes to done", async () => {
    const error = await failureOf(`module.exports = function (accounts, done) { done(new Error("tip failed")); };`);
    expect(error.message).to.equal("tip failed");
  });

  it("calls a CommonJS file in this plugin's style with the migration context", async () => {
    const { registry, result } = await runTruffleMigration(`
module.exports = async function ({ deploy }) {
  await deploy("Counter", [3, "ctx"]);
};`);
    expect(registry.has("Counter")).to.equal(true);
    expect(result.deployments.map((d) => d.name)).to.deep.equal(["Counter"]);
  });

  it("waits for operations the script did not await, and fails when one of them fails", async () => {
    const { result, registry, connection } = await runTruffleMigration(`
const Counter = artifacts.require("Counter");
module.exports = async function (deployer) {
  await deployer.deploy(Counter, 0, "unawaited");
  const counter = await Counter.deployed();
  counter.bump(7);
};`);
    // The bump was not awaited: the migration still waited for it and counted it.
    expect(result.transactions).to.equal(2);
    const count = await connection.ethers.provider.call({ to: registry.get("Counter").address, data: "0x06661abd" });
    expect(BigInt(count)).to.equal(7n);

    const error = await failureOf(`
const Counter = artifacts.require("Counter");
module.exports = async function (deployer) {
  await deployer.deploy(Counter, 0, "x");
  deployer.deploy(Counter, "not a number", "y");
};`);
    expect(error.message).to.match(/Counter: its constructor\(uint256 [^)]*\) expects uint256 for argument #1 .*given "not a number"/);
  });

  it("refuses a script that requires an unknown contract, exports no function, or does not parse", async () => {
    const unknown = await failureOf(`const Nope = artifacts.require("Nope");\nmodule.exports = function () {};`);
    // Thrown by artifacts.require at the file's top level: loading the file failed, saying why.
    expect(unknown.code).to.equal("MIGRATION_LOAD_FAILED");
    expect((unknown.cause as { code?: string }).code).to.equal("TRUFFLE_ARTIFACT_NOT_FOUND");
    expect(unknown.message).to.contain("Nope");

    const noFunction = await failureOf(`module.exports = { up: 1 };`);
    expect(noFunction.code).to.equal("INVALID_MIGRATION_MODULE");

    const syntax = await failureOf(`module.exports = function (deployer) { deployer.deploy(; };`);
    expect(syntax.code).to.equal("MIGRATION_LOAD_FAILED");
    expect(syntax.message).to.contain("1_truffle.js");
  });

  it("gives the script web3 (unless it declares its own)", async () => {
    const { probed } = await runTruffleMigration(`
module.exports = async function (deployer, network, accounts) {
  probe("chainId", await web3.eth.getChainId());
  probe("accounts", (await web3.eth.getAccounts()).length);
};`);
    expect(probed).to.deep.equal({ chainId: 31337, accounts: 3 });

    const own = await runTruffleMigration(`
const web3 = { mine: true };
module.exports = function () { probe("web3", web3); };`);
    expect(own.probed.web3).to.deep.equal({ mine: true });
  });
});
