// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

/// Errors shared by several protocol contracts. Names say which rule was broken; arguments say by how much.
error InsufficientStake(uint256 required, uint256 actual);
error LengthMismatch();
error EmptyBatch();
error ZeroAddress();
error TransferFailed(address to, uint256 amount);
error UnknownModel(uint256 modelId);
error UnknownDatanet(uint256 datanetId);
error UnknownContribution(uint256 contributionId);
error UnknownInference(uint256 inferenceId);
error NotOwner(address caller);
error InvalidKind(uint8 kind);
