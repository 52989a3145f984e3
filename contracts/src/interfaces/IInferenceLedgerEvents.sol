// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

/// Events of InferenceLedger: one per paid inference.
interface IInferenceLedgerEvents {
    event InferenceRecorded(
        uint256 indexed inferenceId,
        uint256 indexed modelId,
        address indexed user,
        address provider,
        bytes32 inputHash,
        bytes32 outputHash,
        uint256 fee
    );
}
