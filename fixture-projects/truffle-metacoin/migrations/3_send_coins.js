const MetaCoin = artifacts.require("./MetaCoin.sol");

module.exports = async function (deployer, network, accounts) {
  const metaCoin = await MetaCoin.deployed();
  await metaCoin.sendCoin(accounts[1], 1500, { from: accounts[0] });
  await metaCoin.sendCoin(accounts[2], 250);
  const balance = await metaCoin.getBalance(accounts[1]);
  const inEth = await metaCoin.getBalanceInEth.call(accounts[1]);
  console.log(`accounts[1] holds ${balance.toString()} MetaCoin (${inEth.toNumber()} in ETH)`);
};
