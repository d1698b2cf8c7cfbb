// Truffle's synchronous style: nothing is awaited; the deployer queue runs it all in order.
var SimpleStorage = artifacts.require("SimpleStorage");
var Hub = artifacts.require("./Hub.sol");
var settings = require("./lib/settings.js");

module.exports = function(deployer, network, accounts) {
  deployer.deploy(SimpleStorage, settings.initialValue);
  deployer.then(function() {
    return SimpleStorage.deployed();
  }).then(function(storage) {
    return storage.set(2);
  });
  // Already deployed: kept, not replaced.
  deployer.deploy(SimpleStorage, 3, { overwrite: false });
  deployer.then(function() {
    return Hub.deployed().then(function(hub) {
      return hub.setSpoke(SimpleStorage.address);
    });
  });
};
