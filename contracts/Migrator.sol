// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

/// @title The interface of the Migrator (version 2 of the record)
/// @notice What the plugin calls. `Migrator` implements the hot path (`record`, `version`,
///         `owner`) in one assembly dispatcher and forwards every other call to the shared
///         `MigratorAdmin` of its chain, so its compiled ABI is this interface plus its events and
///         errors.
interface IMigrator {
    /// @notice Records migration `id` (the low 64 bits of `versionAndId`) as completed with the
    ///         script's content hash, if the record is still at version `versionAndId >> 64`.
    function record(uint256 versionAndId, bytes32 contentHash) external;
    /// @notice Removes migration `id` from the record (a migration undone), same version check.
    function unrecord(uint256 versionAndId) external;
    /// @notice How many changes the record has had: the number of Migration* events to read.
    function version() external view returns (uint256);
    function owner() external view returns (address);
    function pendingOwner() external view returns (address);
    /// @notice Starts a two-step ownership transfer; `newOwner` must call `acceptOwnership`.
    function transferOwnership(address newOwner) external;
    function acceptOwnership() external;
    function supportsInterface(bytes4 interfaceId) external view returns (bool);
}

/// @dev Storage, events and errors shared by `Migrator` and the `MigratorAdmin` it delegates to:
///        slot 0: owner (low 160 bits) | version (high 96 bits)
///        slot 1: pending owner (two-step transfer)
abstract contract MigratorLayout {
    event MigrationCompleted(uint256 indexed id, bytes32 contentHash);
    event MigrationUnrecorded(uint256 indexed id);
    event OwnershipTransferStarted(address indexed previousOwner, address indexed newOwner);
    event OwnershipTransferred(address indexed previousOwner, address indexed newOwner);

    error NotOwner(address caller);
    error NotPendingOwner(address caller);
    /// @dev The record changed since the caller read it at version `expected`: read it again.
    error StaleVersion(uint256 expected, uint256 current);

    uint256 internal _state;
    address internal _pendingOwner;
}

/// @title Migrator
/// @notice On-chain record of the hardhat-migrations scripts that completed on this chain.
/// @dev Version 2 of the record, designed for the gas floor: ONE storage slot for the record.
///      `version` counts the changes made to the record (every `record` and `unrecord` adds one).
///      The set of completed ids and each script's content hash live in the events: the set is the
///      ids of `MigrationCompleted` minus those of a later `MigrationUnrecorded`, and a reader
///      knows it has every event once it counted `version` of them.
///      Every change names the version it was computed from (compare-and-swap): a runner that read
///      the record at version v and decided to record id X sends `record(v << 64 | X, hash)`; if
///      another runner changed the record meanwhile (recorded X, say), the version moved on and
///      the second `record` reverts with `StaleVersion`. That is the on-chain duplicate guard of
///      two concurrent runners, kept without a storage slot per id: recording any id, small or a
///      timestamp, is one non-zero to non-zero write of slot 0, which the owner check reads anyway.
///      The owner is a constructor argument, so a deployment through a CREATE2 factory (where the
///      factory is `msg.sender`) gives the same address on every chain for the same owner.
///      The runtime holds only the hot path; the rare calls (`unrecord`, ownership transfer,
///      ERC-165) run as a delegatecall into `admin`, one `MigratorAdmin` per chain shared by every
///      project: the code a project deploys stays small enough to cost less than Truffle's
///      Migrations.sol.
contract Migrator is MigratorLayout {
    address private immutable admin;

    constructor(address initialOwner, address migratorAdmin) {
        _state = uint256(uint160(initialOwner));
        admin = migratorAdmin;
    }

    fallback() external {
        bytes32 completedTopic = MigrationCompleted.selector;
        address adminAddress = admin;
        assembly {
            let s := sload(0)
            switch shr(224, calldataload(0))
            case 0xe5ac9ef1 { // record(uint256,bytes32)
                if iszero(eq(and(s, 0xffffffffffffffffffffffffffffffffffffffff), caller())) {
                    mstore(0, 0x245aecd3) // NotOwner(address)
                    mstore(0x20, caller())
                    revert(0x1c, 0x24)
                }
                let x := calldataload(4)
                if iszero(eq(shr(160, s), shr(64, x))) {
                    mstore(0, 0x79c7c8b5) // StaleVersion(uint256,uint256)
                    mstore(0x20, shr(64, x))
                    mstore(0x40, shr(160, s))
                    revert(0x1c, 0x44)
                }
                sstore(0, add(s, shl(160, 1)))
                mstore(0, calldataload(36))
                log2(0, 0x20, completedTopic, and(x, 0xffffffffffffffff))
                stop()
            }
            case 0x54fd4d50 { // version()
                mstore(0, shr(160, s))
                return(0, 0x20)
            }
            case 0x8da5cb5b { // owner()
                mstore(0, and(s, 0xffffffffffffffffffffffffffffffffffffffff))
                return(0, 0x20)
            }
            default { // unrecord, ownership, ERC-165: the shared MigratorAdmin, on this storage
                calldatacopy(0, 0, calldatasize())
                let ok := delegatecall(gas(), adminAddress, 0, calldatasize(), 0, 0)
                returndatacopy(0, 0, returndatasize())
                if ok { return(0, returndatasize()) }
                revert(0, returndatasize())
            }
        }
    }
}

/// @title MigratorAdmin
/// @notice The rarely used functions of every Migrator on a chain, run by delegatecall on the
///         calling Migrator's storage. Deployed once per chain through the deterministic
///         deployment proxy, so it has one address on every chain. Called directly it only
///         changes its own, meaningless storage.
contract MigratorAdmin is MigratorLayout {
    /// @dev ERC-165 id of the version-2 migrator interface: the XOR of the selectors of `record`,
    ///      `unrecord`, `version` and `owner` (checked by the test suite).
    bytes4 private constant MIGRATOR_INTERFACE_ID = 0x21baff38;
    uint256 private constant OWNER_MASK = (1 << 160) - 1;

    function unrecord(uint256 versionAndId) external {
        uint256 s = _state;
        if (address(uint160(s)) != msg.sender) revert NotOwner(msg.sender);
        if (s >> 160 != versionAndId >> 64) revert StaleVersion(versionAndId >> 64, s >> 160);
        _state = s + (1 << 160);
        emit MigrationUnrecorded(versionAndId & type(uint64).max);
    }

    function pendingOwner() external view returns (address) {
        return _pendingOwner;
    }

    function transferOwnership(address newOwner) external {
        if (address(uint160(_state)) != msg.sender) revert NotOwner(msg.sender);
        _pendingOwner = newOwner;
        emit OwnershipTransferStarted(msg.sender, newOwner);
    }

    function acceptOwnership() external {
        if (_pendingOwner != msg.sender) revert NotPendingOwner(msg.sender);
        uint256 s = _state;
        _state = (s & ~OWNER_MASK) | uint256(uint160(msg.sender));
        delete _pendingOwner;
        emit OwnershipTransferred(address(uint160(s)), msg.sender);
    }

    function supportsInterface(bytes4 interfaceId) external pure returns (bool) {
        return interfaceId == MIGRATOR_INTERFACE_ID || interfaceId == 0x01ffc9a7;
    }
}
