// SPDX-License-Identifier: MIT
pragma solidity ^0.8.22;

import {Initializable} from "@openzeppelin/contracts/proxy/utils/Initializable.sol";

/// Version 1 of an upgradeable box, deployed behind a transparent proxy.
contract Box is Initializable {
    struct Note {
        string text;
        uint64 createdAt;
    }

    uint256 public value;
    address public owner;
    mapping(address => uint256) public credits;
    uint256[] public history;
    mapping(uint256 => Note) internal notes;

    function initialize(uint256 initialValue, address initialOwner) external initializer {
        value = initialValue;
        owner = initialOwner;
        history.push(initialValue);
    }

    function setValue(uint256 newValue) external {
        value = newValue;
        history.push(newValue);
    }

    function credit(address account, uint256 amount) external {
        credits[account] += amount;
    }

    function note(uint256 id, string calldata text) external {
        notes[id] = Note(text, uint64(block.number));
    }

    function noteText(uint256 id) external view returns (string memory) {
        return notes[id].text;
    }

    function historyLength() external view returns (uint256) {
        return history.length;
    }
}
