// SPDX-License-Identifier: MIT
// Truffle's MetaCoin box, unchanged but for the pragma.
pragma solidity >=0.4.25 <0.9.0;

library ConvertLib {
    function convert(uint amount, uint conversionRate) public pure returns (uint convertedAmount) {
        return amount * conversionRate;
    }
}
