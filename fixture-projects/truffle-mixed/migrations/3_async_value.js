// The async style, with ether sent to a payable constructor and to receive().
const PiggyBank = artifacts.require("PiggyBank");
const SimpleStorage = artifacts.require("SimpleStorage");

module.exports = async function (deployer, network, accounts) {
  await deployer.deploy(PiggyBank, accounts[1], { from: accounts[0], value: web3.utils.toWei("1", "ether") });
  const bank = await PiggyBank.deployed();
  await bank.sendTransaction({ value: web3.utils.toWei("0.5", "ether"), from: accounts[2] });
  const storage = await SimpleStorage.deployed();
  await storage.set((await storage.value()).add(new web3.utils.BN(40)));
  console.log(`stored ${(await storage.value()).toString()}`);
};
