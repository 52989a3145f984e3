// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {IInferenceLedgerEvents} from "../interfaces/IInferenceLedgerEvents.sol";
import {IComputeRegistry, IModelRegistry, IRewardDistributor} from "./IProtocol.sol";
import "./Errors.sol";

/// Paid inferences. The user pays exactly the model's published fee for a registered provider; the fee
/// goes straight to the RewardDistributor, which splits it and escrows the contributors' part.
contract InferenceLedger is IInferenceLedgerEvents {
    error WrongFee(uint256 expected, uint256 actual);
    error UnknownProvider(address provider);

    IModelRegistry public immutable models;
    IComputeRegistry public immutable compute;
    IRewardDistributor public immutable distributor;
    uint256 public inferenceCount;

    constructor(address modelRegistry, address computeRegistry, address rewardDistributor) {
        if (modelRegistry == address(0) || computeRegistry == address(0) || rewardDistributor == address(0)) {
            revert ZeroAddress();
        }
        models = IModelRegistry(modelRegistry);
        compute = IComputeRegistry(computeRegistry);
        distributor = IRewardDistributor(rewardDistributor);
    }

    function recordInference(uint256 modelId, address provider, bytes32 inputHash, bytes32 outputHash)
        external
        payable
        returns (uint256 inferenceId)
    {
        uint256 fee = _record(modelId, provider, inputHash, outputHash, msg.value);
        if (fee != msg.value) revert WrongFee(fee, msg.value);
        inferenceId = inferenceCount;
    }

    /// Many inferences in one transaction; msg.value must equal the sum of their fees. Returns the first id.
    function recordInferences(
        uint256[] calldata modelIds,
        address[] calldata providers,
        bytes32[] calldata inputHashes,
        bytes32[] calldata outputHashes
    ) external payable returns (uint256 firstId) {
        uint256 n = modelIds.length;
        if (n == 0) revert EmptyBatch();
        if (providers.length != n || inputHashes.length != n || outputHashes.length != n) revert LengthMismatch();
        firstId = inferenceCount + 1;
        uint256 total = 0;
        for (uint256 i = 0; i < n; i++) {
            total += _record(modelIds[i], providers[i], inputHashes[i], outputHashes[i], msg.value - total);
        }
        if (total != msg.value) revert WrongFee(total, msg.value);
    }

    /// available is the value not yet spent by earlier items of the batch, so an underpaid batch reverts
    /// with WrongFee rather than an arithmetic error.
    function _record(uint256 modelId, address provider, bytes32 inputHash, bytes32 outputHash, uint256 available)
        private
        returns (uint256 fee)
    {
        address owner;
        (owner, fee) = models.publishedFee(modelId);
        if (!compute.isProvider(provider)) revert UnknownProvider(provider);
        if (fee > available) revert WrongFee(fee, available);
        uint256 id = ++inferenceCount;
        emit InferenceRecorded(id, modelId, msg.sender, provider, inputHash, outputHash, fee);
        distributor.splitFee{value: fee}(id, owner, provider);
    }
}
