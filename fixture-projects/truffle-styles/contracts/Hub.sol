// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

/// TIP #1's hub-and-spoke example.
contract Hub {
    address public spoke;

    function setSpoke(address next) public {
        spoke = next;
    }
}

contract Spoke {
    uint256 public number;

    constructor(uint256 n) {
        number = n;
    }
}
