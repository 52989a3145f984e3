// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

/// Events of Staking: every movement of staked OPEN (native value).
interface IStakingEvents {
    event Staked(address indexed account, uint256 amount, uint256 totalStake);
    event UnstakeRequested(address indexed account, uint256 amount, uint64 availableAt);
    event Unstaked(address indexed account, uint256 amount);
    event Slashed(address indexed account, uint256 amount, string reason, address indexed by);
}
