// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

/// @title Migrator
/// @notice On-chain record of the hardhat-migrations scripts that completed on this chain.
/// @dev The record is a *set* of migration ids (not a high-water mark), so an id lower than the
///      newest one can still be recorded later. Storage layout, chosen for gas:
///        slot 0: owner (160 bits) | bitmap of ids 0..95 (96 bits)
///        slot 1: pending owner (two-step transfer)
///        slot 2: list of 128-id word indexes in use for ids >= 96, packed 4 per slot
///        slot 3: word index => bitmap of 128 ids (low bits) | LISTED flag (bit 255), ids >= 96
///      A word keeps its LISTED flag once used, so it never returns to zero and is listed once.
///      Recording a small id touches only slot 0, which the owner check reads anyway: one cold
///      read and one non-zero to non-zero write. The script's content hash lives in the event.
contract Migrator {


    /// @dev ERC-165 id of the migrator interface: the XOR of the selectors of `record`,
    ///      `unrecord`, `completed` and `isCompleted` (checked by the test suite).
    bytes4 private constant MIGRATOR_INTERFACE_ID = 0x1f399e91;
    uint256 private constant SMALL_IDS = 96;
    uint256 private constant OWNER_MASK = (1 << 160) - 1;
    uint256 private constant WORD_MASK = (1 << 128) - 1;
    uint256 private constant LISTED = 1 << 255;

    uint256 private _slot0;
    address public pendingOwner;
    uint64[] private _words;
    mapping(uint256 => uint256) private _bits;

    event MigrationCompleted(uint256 indexed id, bytes32 contentHash);
    event MigrationUnrecorded(uint256 indexed id);
    event OwnershipTransferStarted(address indexed previousOwner, address indexed newOwner);
    event OwnershipTransferred(address indexed previousOwner, address indexed newOwner);

    error NotOwner(address caller);
    error NotPendingOwner(address caller);
    error AlreadyRecorded(uint256 id);
    error NotRecorded(uint256 id);
    error IdOutOfRange(uint256 id);

    constructor() {
        _slot0 = uint256(uint160(msg.sender));
        emit OwnershipTransferred(address(0), msg.sender);
    }

    /// @notice Records migration `id` as completed. Reverts when it is already recorded, which is
    ///         what stops two concurrent runners from both completing the same migration.
    function record(uint256 id, bytes32 contentHash) external {
        uint256 s = _slot0;
        if (address(uint160(s)) != msg.sender) revert NotOwner(msg.sender);
        if (id < SMALL_IDS) {
            uint256 bit = 1 << (160 + id);
            if (s & bit != 0) revert AlreadyRecorded(id);
            _slot0 = s | bit;
        } else {
            if (id >> 64 != 0) revert IdOutOfRange(id);
            uint256 word = id >> 7;
            uint256 bits = _bits[word];
            uint256 bit = 1 << (id & 0x7f);
            if (bits & bit != 0) revert AlreadyRecorded(id);
            if (bits == 0) {
                _words.push(uint64(word));
                bits = LISTED;
            }
            _bits[word] = bits | bit;
        }
        emit MigrationCompleted(id, contentHash);
    }

    /// @notice Removes migration `id` from the record (used when a migration is undone).
    function unrecord(uint256 id) external {
        uint256 s = _slot0;
        if (address(uint160(s)) != msg.sender) revert NotOwner(msg.sender);
        if (!isCompleted(id)) revert NotRecorded(id);
        if (id < SMALL_IDS) {
            _slot0 = s & ~(1 << (160 + id));
        } else {
            _bits[id >> 7] &= ~(1 << (id & 0x7f));
        }
        emit MigrationUnrecorded(id);
    }

    /// @notice Whether migration `id` is recorded as completed.
    function isCompleted(uint256 id) public view returns (bool) {
        if (id < SMALL_IDS) return (_slot0 >> (160 + id)) & 1 == 1;
        if (id >> 64 != 0) return false;
        return (_bits[id >> 7] >> (id & 0x7f)) & 1 == 1;
    }

    /// @notice Every completed migration id: ids >= 96 grouped by the order in which their 128-id
    ///         words were first used, then ids below 96. One call reads the whole record.
    function completed() external view returns (uint256[] memory ids) {
        uint256 words = _words.length;
        uint256 n = 0;
        for (uint256 w = 0; w <= words; ++w) n += _popcount(_word(w, words));
        ids = new uint256[](n);
        uint256 k = 0;
        for (uint256 w = 0; w <= words; ++w) {
            uint256 bits = _word(w, words);
            uint256 base = w == words ? 0 : uint256(_words[w]) << 7;
            for (uint256 i = 0; bits != 0; ++i) {
                if (bits & 1 == 1) ids[k++] = base + i;
                bits >>= 1;
            }
        }
    }

    function _word(uint256 w, uint256 words) private view returns (uint256) {
        return w == words ? _slot0 >> 160 : _bits[_words[w]] & WORD_MASK;
    }

    function owner() public view returns (address) {
        return address(uint160(_slot0 & OWNER_MASK));
    }

    /// @notice Starts a two-step ownership transfer; `newOwner` must call `acceptOwnership`.
    function transferOwnership(address newOwner) external {
        if (owner() != msg.sender) revert NotOwner(msg.sender);
        pendingOwner = newOwner;
        emit OwnershipTransferStarted(msg.sender, newOwner);
    }

    function acceptOwnership() external {
        if (pendingOwner != msg.sender) revert NotPendingOwner(msg.sender);
        address previous = owner();
        _slot0 = (_slot0 & ~OWNER_MASK) | uint256(uint160(msg.sender));
        delete pendingOwner;
        emit OwnershipTransferred(previous, msg.sender);
    }

    function supportsInterface(bytes4 interfaceId) external pure returns (bool) {
        return interfaceId == MIGRATOR_INTERFACE_ID || interfaceId == 0x01ffc9a7;
    }

    function _popcount(uint256 x) private pure returns (uint256 n) {
        for (; x != 0; x &= x - 1) ++n;
    }

}
