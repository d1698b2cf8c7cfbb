// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

contract Vault {
    string public name;
    uint256 public immutable limit;
    address public immutable beneficiary;

    constructor(string memory name_, uint256 limit_, address beneficiary_) {
        name = name_;
        limit = limit_;
        beneficiary = beneficiary_;
    }
}
