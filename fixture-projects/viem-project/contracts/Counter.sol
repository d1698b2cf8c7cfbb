// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

/// A counter that starts where its deployer says and counts up.
contract Counter {
  uint256 public x;
  address public owner;

  event Increment(uint256 by);

  constructor(uint256 start) {
    x = start;
    owner = msg.sender;
  }

  function incBy(uint256 by) public {
    require(by > 0, "incBy: increment should be positive");
    x += by;
    emit Increment(by);
  }
}
