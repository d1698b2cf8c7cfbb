// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

interface ITransfer {
    function transfer(address to, uint256 value) external returns (bool);
}

/// State of every shape, for the network-migration tests: mappings (nested too), dynamic arrays
/// of words and of structs with strings, a long string, and an ether balance.
contract Ledger {
    struct Entry {
        address who;
        uint128 amount;
        bool open;
        string memo;
    }

    address public owner;
    uint256 public count;
    string public title;
    mapping(address => uint256) public credits;
    mapping(address => mapping(uint256 => bytes32)) public notes;
    uint256[] public values;
    Entry[] private _entries;

    constructor(string memory title_) payable {
        owner = msg.sender;
        title = title_;
    }

    function deposit(uint256 tag) external payable {
        credits[msg.sender] += msg.value;
        values.push(msg.value + tag);
        count++;
    }

    function record(address who, uint128 amount, string calldata memo) external {
        _entries.push(Entry(who, amount, true, memo));
        notes[who][_entries.length] = keccak256(bytes(memo));
        count++;
    }

    function close(uint256 i) external {
        _entries[i].open = false;
    }

    function popValue() external {
        values.pop();
    }

    function withdraw(uint256 amount) external {
        credits[msg.sender] -= amount;
        payable(msg.sender).transfer(amount);
    }

    /// Moves tokens this contract holds: the token's storage changes in a nested call.
    function payOut(address token, address to, uint256 amount) external {
        require(msg.sender == owner, "Ledger: not owner");
        ITransfer(token).transfer(to, amount);
        count++;
    }

    function entry(uint256 i) external view returns (Entry memory) {
        return _entries[i];
    }

    function entriesLength() external view returns (uint256) {
        return _entries.length;
    }

    function allValues() external view returns (uint256[] memory) {
        return values;
    }
}
