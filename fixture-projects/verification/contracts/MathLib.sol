// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

library MathLib {
    function triple(uint256 x) external pure returns (uint256) {
        return x * 3;
    }
}
