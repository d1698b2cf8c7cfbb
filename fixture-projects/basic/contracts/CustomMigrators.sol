// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

/// A user's own Migrator: the shipped interface, plus a log of who recorded what.
contract AuditedMigrator {
    address public owner = msg.sender;
    mapping(uint256 => bool) public isCompleted;
    uint256[] private _ids;
    address[] public recorders;

    event MigrationCompleted(uint256 indexed id, bytes32 contentHash);

    error AlreadyRecorded(uint256 id);
    error NotRecorded(uint256 id);
    error NotOwner(address caller);

    function record(uint256 id, bytes32 contentHash) external {
        if (msg.sender != owner) revert NotOwner(msg.sender);
        if (isCompleted[id]) revert AlreadyRecorded(id);
        isCompleted[id] = true;
        _ids.push(id);
        recorders.push(msg.sender);
        emit MigrationCompleted(id, contentHash);
    }

    function unrecord(uint256 id) external {
        if (msg.sender != owner) revert NotOwner(msg.sender);
        if (!isCompleted[id]) revert NotRecorded(id);
        isCompleted[id] = false;
        for (uint256 i = 0; i < _ids.length; i++) {
            if (_ids[i] == id) {
                _ids[i] = _ids[_ids.length - 1];
                _ids.pop();
                break;
            }
        }
    }

    function completed() external view returns (uint256[] memory) {
        return _ids;
    }
}

/// Not a Migrator: no unrecord, and completed() returns the wrong type.
contract NotAMigrator {
    address public owner = msg.sender;
    function record(uint256, bytes32) external {}
    function completed() external pure returns (uint64[] memory ids) {}
    function isCompleted(uint256) external pure returns (bool) {}
}
