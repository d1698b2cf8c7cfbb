// SPDX-License-Identifier: MIT
pragma solidity ^0.8.22;

import {Initializable} from "@openzeppelin/contracts/proxy/utils/Initializable.sol";
import {UUPSUpgradeable} from "@openzeppelin/contracts/proxy/utils/UUPSUpgradeable.sol";

/// A UUPS implementation: the implementation itself authorises upgrades (only its owner).
contract Counter is Initializable, UUPSUpgradeable {
    address public owner;
    uint256 public count;

    function initialize(address initialOwner) external initializer {
        owner = initialOwner;
    }

    function increment() external {
        count += 1;
    }

    function _authorizeUpgrade(address) internal view override {
        require(msg.sender == owner, "Counter: only the owner upgrades");
    }
}

/// Counter, compatibly upgraded.
contract CounterV2 is Initializable, UUPSUpgradeable {
    address public owner;
    uint256 public count;
    uint256 public step;

    function increment() external {
        count += step == 0 ? 1 : step;
    }

    function setStep(uint256 newStep) external {
        step = newStep;
    }

    function _authorizeUpgrade(address) internal view override {
        require(msg.sender == owner, "Counter: only the owner upgrades");
    }
}

/// Same storage as Counter, but not UUPS: a proxy upgraded to it could never be upgraded again.
contract CounterNotUUPS {
    address public owner;
    uint256 public count;

    function increment() external {
        count += 1;
    }
}
