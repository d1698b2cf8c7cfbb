// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

contract Greeter {
    function greet() external pure returns (string memory) {
        return "hello";
    }
}
