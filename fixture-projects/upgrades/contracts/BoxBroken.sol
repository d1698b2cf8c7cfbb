// SPDX-License-Identifier: MIT
pragma solidity ^0.8.22;

import {Initializable} from "@openzeppelin/contracts/proxy/utils/Initializable.sol";

/// Box with breaking storage changes: `owner` moved before `value`, `value` shrunk, and the
/// credits mapping retyped.
contract BoxBroken is Initializable {
    address public owner;
    uint128 public value;
    mapping(address => uint64) public credits;
    uint256[] public history;

    function version() external pure returns (uint256) {
        return 3;
    }
}
