// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

/// Events of RewardDistributor. role: 0 CONTRIBUTOR, 1 MODEL_OWNER, 2 PROVIDER, 3 STAKER, 4 PROTOCOL.
interface IRewardDistributorEvents {
    event FeeSplit(
        uint256 indexed inferenceId, uint256 protocol, uint256 modelOwner, uint256 provider, uint256 stakers, uint256 contributors
    );
    event RewardAccrued(address indexed account, uint256 indexed inferenceId, uint8 role, uint256 amount);
    event RewardClaimed(address indexed account, uint256 amount);
    event SplitParametersChanged(uint32 protocolBps, uint32 modelOwnerBps, uint32 providerBps, uint32 stakersBps, uint32 contributorsBps);
}
