// SPDX-License-Identifier: MIT
pragma solidity ^0.8.22;

import {Initializable} from "@openzeppelin/contracts/proxy/utils/Initializable.sol";

/// Box, compatibly upgraded: a member appended to the Note struct (a mapping value) and
/// variables appended after the last one.
contract BoxV2 is Initializable {
    struct Note {
        string text;
        uint64 createdAt;
        address author;
    }

    uint256 public value;
    address public owner;
    mapping(address => uint256) public credits;
    uint256[] public history;
    mapping(uint256 => Note) internal notes;
    string public label;
    uint256 public upgradedAt;

    function initializeV2(string calldata newLabel) external reinitializer(2) {
        label = newLabel;
        upgradedAt = block.number;
    }

    function setValue(uint256 newValue) external {
        value = newValue;
        history.push(newValue);
    }

    function credit(address account, uint256 amount) external {
        credits[account] += amount;
    }

    function noteText(uint256 id) external view returns (string memory) {
        return notes[id].text;
    }

    function historyLength() external view returns (uint256) {
        return history.length;
    }

    function version() external pure returns (uint256) {
        return 2;
    }
}
