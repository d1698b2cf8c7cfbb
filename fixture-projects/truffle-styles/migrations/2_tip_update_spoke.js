/* global Hub, Spoke */
// TIP #1's second example (an already deployed Hub, a new Spoke), with promises.
module.exports = function(accounts, done) {
  Hub.deployed().then(function(hub) {
    return Spoke.new(7).then(function(spoke) {
      // Tell the hub about the new spoke.
      return hub.setSpoke(spoke.address);
    });
  }).then(function() { done(); }).catch(done);
};
