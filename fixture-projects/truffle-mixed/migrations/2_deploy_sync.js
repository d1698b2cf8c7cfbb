// Truffle's synchronous style: nothing awaited, `.then` chains, `overwrite: false`.
const SimpleStorage = artifacts.require("SimpleStorage");
const Hub = artifacts.require("Hub");

module.exports = function (deployer, network, accounts) {
  deployer.deploy(SimpleStorage, 1).then(function (storage) {
    return deployer.deploy(Hub).then(function (hub) {
      return hub.setSpoke(storage.address);
    });
  });
  deployer.then(function () {
    return SimpleStorage.deployed();
  }).then(function (storage) {
    return storage.set(2);
  });
  // Already deployed: kept.
  deployer.deploy(SimpleStorage, 3, { overwrite: false });
};
