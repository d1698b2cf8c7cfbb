// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

import {MathLib} from "./MathLib.sol";

contract Calculator {
    function triple(uint256 x) external pure returns (uint256) {
        return MathLib.triple(x);
    }
}
