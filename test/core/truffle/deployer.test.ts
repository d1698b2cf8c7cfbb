import { expect } from "chai";
import { Contract } from "ethers";

import { failureOf, runTruffleMigration } from "./truffle-chain.js";

describe("Truffle's deployer", () => {
  it("queues deploy and then in the synchronous style and runs them in order once the function returns", async () => {
    const { result, registry, probed, connection } = await runTruffleMigration(`
const Counter = artifacts.require("Counter");
const Plain = artifacts.require("Plain");
module.exports = function (deployer, network, accounts) {
  probe("network", [deployer.network, deployer.network_id, network, accounts]);
  deployer.deploy(Plain).then(function (plain) {
    probe("plain", plain.address);
    return deployer.deploy(Counter, 7, "after plain");
  });
  probe("queued", Plain.isDeployed());
};`);
    const [name, networkId, network, accounts] = probed.network as [string, number, string, string[]];
    expect([name, networkId, network]).to.deep.equal(["hardhat", 31337, "hardhat"]);
    // As web3.eth.getAccounts() gives them: checksummed, though the node answers in lower case.
    expect(accounts[0]).to.match(/^0x[0-9a-fA-F]{40}$/).and.not.equal(accounts[0]!.toLowerCase());
    expect(probed.queued).to.equal(false);
    expect(probed.plain).to.equal(registry.get("Plain").address);
    expect(result.deployments.map((d) => d.name)).to.deep.equal(["Plain", "Counter"]);
    const counter = new Contract(registry.get("Counter").address, ["function count() view returns (uint256)", "function label() view returns (string)"], connection.ethers.provider);
    expect(await counter.getFunction("count")()).to.equal(7n);
    expect(await counter.getFunction("label")()).to.equal("after plain");
  });

  it("links a library into later deployments of the contracts named (deployer.link)", async () => {
    const { registry, connection } = await runTruffleMigration(`
const Doubler = artifacts.require("Doubler");
const Twice = artifacts.require("Twice");
module.exports = function (deployer) {
  deployer.deploy(Doubler);
  deployer.link(Doubler, [Twice]);
  deployer.deploy(Twice, 21);
};`);
    const counter = new Contract(registry.get("Twice").address, ["function doubled() view returns (uint256)"], connection.ethers.provider);
    expect(await counter.getFunction("doubled")()).to.equal(42n);
  });

  it("deploys a list of [contract, ...args] in order, and overwrite: false reuses a deployment that has code", async () => {
    const first = await runTruffleMigration(`
const Counter = artifacts.require("Counter");
const Plain = artifacts.require("Plain");
module.exports = function (deployer) {
  deployer.deploy([[Plain], [Counter, 1, "listed"]]).then(function (instances) {
    probe("listed", instances.map((i) => i.address));
  });
};`);
    expect(first.probed.listed).to.deep.equal([first.registry.get("Plain").address, first.registry.get("Counter").address]);

    const again = await runTruffleMigration(
      `
const Counter = artifacts.require("Counter");
module.exports = function (deployer) {
  deployer.deploy(Counter, 2, "again", { overwrite: false }).then((c) => probe("reused", c.address));
};`,
      { registry: first.registry },
    );
    expect(again.result.transactions).to.equal(0);
    expect(again.probed.reused).to.equal(first.registry.get("Counter").address);
    expect(again.logs).to.deep.equal([`Reusing Counter at ${first.registry.get("Counter").address} (overwrite: false)`]);
  });

  it("runs at once once awaited in an async migration: each await resumes after its deployment", async () => {
    const { probed, registry } = await runTruffleMigration(`
const Counter = artifacts.require("Counter");
module.exports = async function (deployer) {
  await deployer.deploy(Counter, 3, "awaited");
  const counter = await Counter.deployed();
  probe("count", (await counter.count()).toString());
  const second = await deployer.new(Counter, 4, "not recorded");
  probe("second", second.address);
};`);
    expect(probed.count).to.equal("3");
    expect(probed.second).to.be.a("string").and.not.equal(registry.get("Counter").address);
  });

  it("fails the migration with the first failing step, runs no later step, and calls deployer.catch", async () => {
    const probed: Record<string, unknown> = {};
    const error = await failureOf(`
const Counter = artifacts.require("Counter");
const Plain = artifacts.require("Plain");
module.exports = function (deployer) {
  deployer.deploy(Counter, 1, "ok");
  deployer.then(() => { throw new Error("step two broke"); });
  deployer.deploy(Plain).then(() => probe("after", true));
  deployer.catch((e) => probe("caught", e.message));
};`, { probed });
    expect(error.message).to.equal("step two broke");
    expect(probed).to.deep.equal({ caught: "step two broke" });
  });

  it("writes deployer.logger.log through the migration's log", async () => {
    const { logs } = await runTruffleMigration(`module.exports = function (deployer) { deployer.logger.log("hello from " + deployer.network); };`);
    expect(logs).to.deep.equal(["hello from hardhat"]);
  });
});
