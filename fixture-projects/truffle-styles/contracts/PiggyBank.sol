// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

contract PiggyBank {
    address public beneficiary;
    uint256 public deposits;

    constructor(address who) payable {
        beneficiary = who;
    }

    receive() external payable {
        deposits += 1;
    }

    function breakOpen() public {
        require(msg.sender == beneficiary, "PiggyBank: not the beneficiary");
        payable(beneficiary).transfer(address(this).balance);
    }
}
