// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

library MathLib {
  function double(uint256 a) external pure returns (uint256) {
    return a * 2;
  }
}

contract Doubler {
  function twice(uint256 a) external pure returns (uint256) {
    return MathLib.double(a);
  }
}
