// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

/// Events of ModelRegistry. kind: 0 BASE, 1 FINETUNE, 2 ADAPTER. learningRate is 1e18 fixed point.
interface IModelRegistryEvents {
    event ModelRegistered(
        uint256 indexed modelId,
        address indexed owner,
        string name,
        uint8 kind,
        uint256 baseModelId,
        bytes32 artifactHash,
        string artifactURI,
        bytes32 trainingConfigHash
    );
    event ModelTrainedOn(uint256 indexed modelId, uint256 indexed datanetId, uint32 version);
    event CheckpointPosted(uint256 indexed modelId, uint32 step, bytes32 checkpointHash, uint256 learningRate);
    event ModelPublished(uint256 indexed modelId, uint256 feePerInference);
}
