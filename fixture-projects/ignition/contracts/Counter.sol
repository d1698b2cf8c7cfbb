// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

contract Counter {
  uint256 public x;
  address public immutable owner;

  event Increment(uint256 by);

  constructor(uint256 start) {
    x = start;
    owner = msg.sender;
  }

  function incBy(uint256 by) public {
    x += by;
    emit Increment(by);
  }
}
