// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

library ConvertLib {
    function convert(uint256 amount, uint256 rate) external pure returns (uint256) {
        return amount * rate;
    }
}
