// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {TimelockController} from "@openzeppelin/contracts/governance/TimelockController.sol";

/// The protocol's TimelockController: holds DEFAULT_ADMIN_ROLE of every protocol contract and the Treasury.
/// The Governor is its only proposer, canceller and executor, and it administers itself (no admin key).
contract Timelock is TimelockController {
    constructor(uint256 minDelay, address governor)
        TimelockController(minDelay, _one(governor), _one(governor), address(0))
    {}

    function _one(address a) private pure returns (address[] memory list) {
        list = new address[](1);
        list[0] = a;
    }
}
