// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

contract SimpleStorage {
    uint256 public value;
    address public owner;

    constructor(uint256 initial) {
        value = initial;
        owner = msg.sender;
    }

    function set(uint256 next) public {
        value = next;
    }
}
