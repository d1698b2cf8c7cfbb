// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

import {ConvertLib} from "./ConvertLib.sol";

/// Holds a reference to the token and converts amounts with a linked library.
contract Vault {
    address public token;
    address public owner;
    uint256 public rate;
    uint256 public deposits;

    constructor(address token_, uint256 rate_) payable {
        token = token_;
        rate = rate_;
        owner = msg.sender;
        deposits = msg.value;
    }

    function setRate(uint256 rate_) external {
        require(msg.sender == owner, "Vault: not owner");
        rate = rate_;
    }

    function converted(uint256 amount) external view returns (uint256) {
        return ConvertLib.convert(amount, rate);
    }
}
