// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

/// The narrow views and hooks the protocol contracts call on each other.
interface IStaking {
    function stakeOf(address account) external view returns (uint256);
    function totalStaked() external view returns (uint256);
    function minPosterStake() external view returns (uint256);
    function minProviderStake() external view returns (uint256);
    function stakeFor(address account) external payable;
    function distribute() external payable;
    function slash(address account, uint256 amount, string calldata reason) external returns (uint256);
}

interface IRewardDistributor {
    function splitFee(uint256 inferenceId, address modelOwner, address provider) external payable;
    function deposit(address account, uint256 inferenceId, uint8 role) external payable;
    function depositProtocol(uint256 inferenceId) external payable;
    function releaseEscrow(uint256 inferenceId, address[] calldata accounts, uint32[] calldata weightsPpm)
        external
        returns (uint256);
    function forfeitEscrow(uint256 inferenceId) external returns (uint256);
}

interface IDatanetRegistry {
    function versionExists(uint256 datanetId, uint32 version) external view returns (bool);
    function acceptedContributor(uint256 contributionId) external view returns (address);
}

interface IModelRegistry {
    function publishedFee(uint256 modelId) external view returns (address owner, uint256 fee);
}

interface IComputeRegistry {
    function isProvider(address account) external view returns (bool);
}

interface IInferenceLedger {
    function inferenceCount() external view returns (uint256);
}
