// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {IModelRegistryEvents} from "../interfaces/IModelRegistryEvents.sol";
import {IDatanetRegistry} from "./IProtocol.sol";
import {ProtocolTypes} from "./ProtocolTypes.sol";
import "./Errors.sol";

/// Models and their lineage: a BASE model stands alone, a FINETUNE or ADAPTER names an existing base.
/// The owner records which datanet versions it trained on, posts checkpoints (the TracIn replay reads
/// them with their learning rates) and publishes it with a fee per inference.
contract ModelRegistry is IModelRegistryEvents {
    struct Model {
        address owner;
        uint8 kind;
        bool published;
        uint32 nextStep;
        uint256 fee;
    }

    error BaseModelRequired(uint8 kind);
    error BaseModelNotAllowed();
    error UnknownDatanetVersion(uint256 datanetId, uint32 version);
    error StepNotIncreasing(uint32 step, uint32 minimum);
    error ModelNotPublished(uint256 modelId);

    IDatanetRegistry public immutable datanets;
    uint256 public modelCount;
    mapping(uint256 => Model) public models;

    constructor(address datanetRegistry) {
        if (datanetRegistry == address(0)) revert ZeroAddress();
        datanets = IDatanetRegistry(datanetRegistry);
    }

    function registerModel(
        string calldata name,
        uint8 kind,
        uint256 baseModelId,
        bytes32 artifactHash,
        string calldata artifactURI,
        bytes32 trainingConfigHash
    ) external returns (uint256 modelId) {
        if (kind > ProtocolTypes.MODEL_ADAPTER) revert InvalidKind(kind);
        if (kind == ProtocolTypes.MODEL_BASE) {
            if (baseModelId != 0) revert BaseModelNotAllowed();
        } else {
            if (baseModelId == 0) revert BaseModelRequired(kind);
            if (models[baseModelId].owner == address(0)) revert UnknownModel(baseModelId);
        }
        modelId = ++modelCount;
        models[modelId] = Model(msg.sender, kind, false, 0, 0);
        emit ModelRegistered(modelId, msg.sender, name, kind, baseModelId, artifactHash, artifactURI, trainingConfigHash);
    }

    function recordTrainedOn(uint256 modelId, uint256 datanetId, uint32 version) external {
        _owned(modelId);
        if (!datanets.versionExists(datanetId, version)) revert UnknownDatanetVersion(datanetId, version);
        emit ModelTrainedOn(modelId, datanetId, version);
    }

    /// learningRate is 1e18 fixed point; steps strictly increase per model.
    function postCheckpoint(uint256 modelId, uint32 step, bytes32 checkpointHash, uint256 learningRate) external {
        Model storage m = _owned(modelId);
        if (step < m.nextStep) revert StepNotIncreasing(step, m.nextStep);
        m.nextStep = step + 1;
        emit CheckpointPosted(modelId, step, checkpointHash, learningRate);
    }

    /// Opens the model to paid inference (or changes its fee).
    function publishModel(uint256 modelId, uint256 feePerInference) external {
        Model storage m = _owned(modelId);
        m.published = true;
        m.fee = feePerInference;
        emit ModelPublished(modelId, feePerInference);
    }

    /// What InferenceLedger needs: who is paid and how much; reverts for unknown or unpublished models.
    function publishedFee(uint256 modelId) external view returns (address owner, uint256 fee) {
        Model storage m = models[modelId];
        if (m.owner == address(0)) revert UnknownModel(modelId);
        if (!m.published) revert ModelNotPublished(modelId);
        return (m.owner, m.fee);
    }

    function _owned(uint256 modelId) private view returns (Model storage m) {
        m = models[modelId];
        if (m.owner == address(0)) revert UnknownModel(modelId);
        if (m.owner != msg.sender) revert NotOwner(msg.sender);
    }
}
