// An async migration exported as `exports.default`, sending ether.
const PiggyBank = artifacts.require("PiggyBank");
const SimpleStorage = artifacts.require("SimpleStorage");
const { bankDeposit } = require("./lib/settings.js");

exports.default = async function (deployer, network, accounts) {
  await deployer.deploy(PiggyBank, accounts[1], { from: accounts[0], value: web3.utils.toWei(bankDeposit, "ether") });
  const bank = await PiggyBank.deployed();
  await bank.sendTransaction({ value: web3.utils.toWei("0.5", "ether"), from: accounts[2] });
  await bank.send(web3.utils.toWei("0.25", "ether"));

  const storage = await SimpleStorage.deployed();
  const value = await storage.value();
  if (!value.eq(new web3.utils.BN(2)) || value.toNumber() !== 2 || value.toString() !== "2") {
    throw new Error(`expected the stored value 2, got ${value.toString()}`);
  }
  // Not awaited: the migration still waits for it.
  deployer.deploy(SimpleStorage, 42);
};
