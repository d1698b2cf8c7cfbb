// SPDX-License-Identifier: MIT
pragma solidity ^0.8.22;

/// contracts/Box.sol after an edit that breaks its storage: `value` became a uint128 (the test
/// builds this directory as the project's sources, so the name Box now has this layout).
contract Box {
    uint128 public value;
    address public owner;
    mapping(address => uint256) public credits;
    uint256[] public history;

    function version() external pure returns (uint256) {
        return 2;
    }
}
