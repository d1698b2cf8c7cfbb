/* global Hub */
// TIP #1's first example, as written there: contracts are globals, `done` ends the migration.
module.exports = function(accounts, done) {
  // Add a new contract to the network
  Hub.new(function(instance) {
    // Tell Truffle that this new contract represents
    // the deployed version of this contract
    Hub.address = instance.address;
  }).then(done).catch(done);
};
