// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

contract Hub {
    address public spoke;

    function setSpoke(address next) public {
        spoke = next;
    }
}
