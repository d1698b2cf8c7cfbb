// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

/// An Ownable-style contract whose owner (a Safe, in production) alone may change its value; a
/// guardian may freeze it.
contract Box {
    address public owner;
    address public immutable guardian;
    uint256 public value;
    uint256 public changes;
    bool public frozen;

    event OwnershipTransferred(address indexed previousOwner, address indexed newOwner);

    constructor() {
        owner = msg.sender;
        guardian = msg.sender;
    }

    modifier onlyOwner() {
        require(msg.sender == owner, "Box: caller is not the owner");
        _;
    }

    function transferOwnership(address newOwner) external onlyOwner {
        emit OwnershipTransferred(owner, newOwner);
        owner = newOwner;
    }

    function setValue(uint256 newValue) external onlyOwner {
        require(!frozen, "Box: frozen");
        value = newValue;
        changes += 1;
    }

    function setFrozen(bool isFrozen) external {
        require(msg.sender == guardian, "Box: not the guardian");
        frozen = isFrozen;
    }
}
