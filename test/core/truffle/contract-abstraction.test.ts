import { expect } from "chai";
import { Contract } from "ethers";

import { parseRequireName } from "../../../src/core/truffle/contract-abstraction.js";
import { failureOf, runTruffleMigration } from "./truffle-chain.js";

describe("a Truffle contract abstraction (artifacts.require)", () => {
  it("takes a contract name, a .sol path named like its contract, or a fully qualified name", () => {
    expect(parseRequireName("MetaCoin")).to.deep.equal({ contractName: "MetaCoin", artifactName: "MetaCoin" });
    expect(parseRequireName("./MetaCoin.sol")).to.deep.equal({ contractName: "MetaCoin", artifactName: "MetaCoin" });
    expect(parseRequireName("contracts/A.sol:B")).to.deep.equal({ contractName: "B", artifactName: "contracts/A.sol:B" });
  });

  it("has the artifact's abi and bytecode, and the registry's address once deployed", async () => {
    const { probed, registry } = await runTruffleMigration(`
const Counter = artifacts.require("./Counter.sol");
module.exports = async function (deployer) {
  probe("before", [Counter.contractName, Counter.abi.length > 0, Counter.bytecode.startsWith("0x6080"), Counter.isDeployed(), Counter.network_id]);
  probe("noAddress", (() => { try { return Counter.address; } catch (e) { return e.code; } })());
  await deployer.deploy(Counter, 1, "one");
  probe("after", [Counter.isDeployed(), Counter.hasNetwork(), Counter.address]);
};`);
    expect(probed.before).to.deep.equal(["Counter", true, true, false, 31337]);
    expect(probed.noAddress).to.equal("TRUFFLE_CONTRACT_NOT_DEPLOYED");
    expect(probed.after).to.deep.equal([true, true, registry.get("Counter").address]);
  });

  it("C.new deploys without recording, and assigning C.address records that contract with its creation", async () => {
    const { probed, registry, result } = await runTruffleMigration(`
const Counter = artifacts.require("Counter");
module.exports = async function () {
  const made = await Counter.new(4, "made");
  probe("made", [made.address, made.transactionHash, Counter.isDeployed()]);
  Counter.address = made.address;
};`);
    const [address, hash, deployedBefore] = probed.made as [string, string, boolean];
    expect(deployedBefore).to.equal(false);
    expect(registry.get("Counter").address).to.equal(address);
    expect(registry.get("Counter").transactionHash).to.equal(hash);
    expect(result.deployments.map((d) => [d.name, d.address])).to.deep.equal([["Counter", address]]);
  });

  it("C.new(callback) calls back with the instance (TIP #1), and C.at reads a deployed contract", async () => {
    const { probed } = await runTruffleMigration(`
const Counter = artifacts.require("Counter");
module.exports = async function () {
  const returned = await Counter.new(8, "cb", function (instance) { return "called with " + typeof instance.bump; });
  probe("returned", returned);
  const made = await Counter.new(9, "nine");
  const again = await Counter.at(made.address);
  probe("label", await again.label());
};`);
    expect(probed.returned).to.equal("called with function");
    expect(probed.label).to.equal("nine");
  });

  it("links a library by name and address, or by its deployed abstraction, into C.new", async () => {
    const { probed, connection } = await runTruffleMigration(`
const Doubler = artifacts.require("Doubler");
const Twice = artifacts.require("Twice");
module.exports = async function (deployer) {
  await deployer.deploy(Doubler);
  Twice.link(Doubler);
  probe("links", Object.keys(Twice.links));
  const twice = await Twice.new(5);
  probe("twice", twice.address);
  Twice.link("Doubler", "0x000000000000000000000000000000000000dead");
  probe("byName", Twice.links.Doubler);
};`);
    expect(probed.links).to.deep.equal(["Doubler"]);
    expect(probed.byName).to.equal("0x000000000000000000000000000000000000dEaD");
    const twice = new Contract(probed.twice as string, ["function doubled() view returns (uint256)"], connection.ethers.provider);
    expect(await twice.getFunction("doubled")()).to.equal(10n);
  });

  it("starts every transaction of the contract from C.defaults()", async () => {
    const { probed, connection } = await runTruffleMigration(`
const Plain = artifacts.require("Plain");
module.exports = async function (deployer, network, accounts) {
  Plain.defaults({ from: accounts[2] });
  const plain = await Plain.new();
  probe("owner", await plain.owner());
};`);
    expect(probed.owner).to.equal(await (await connection.ethers.getSigners())[2]!.getAddress());
  });

  it("refuses C.at on an address without code and C.deployed() before a deployment, naming the contract", async () => {
    const noCode = await failureOf(`
const Counter = artifacts.require("Counter");
module.exports = async function () { await Counter.at("0x000000000000000000000000000000000000dEaD"); };`);
    expect(noCode.code).to.equal("TRUFFLE_NO_CODE");
    expect(noCode.message).to.contain("Counter").and.to.contain("0x000000000000000000000000000000000000dEaD");

    const notDeployed = await failureOf(`
const Counter = artifacts.require("Counter");
module.exports = async function () { await Counter.deployed(); };`);
    expect(notDeployed.code).to.equal("TRUFFLE_CONTRACT_NOT_DEPLOYED");
    expect(notDeployed.message).to.contain("Counter");
  });
});
