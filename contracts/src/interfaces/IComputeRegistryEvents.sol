// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

/// Events of ComputeRegistry. kind: 0 TRAIN, 1 FINETUNE, 2 INFER, 3 REPLAY.
interface IComputeRegistryEvents {
    event ProviderRegistered(address indexed provider, string endpointURI, uint256 stake);
    /// Governance approved (or withdrew its approval of) a compute provider; only approved providers serve.
    event ProviderApprovalSet(address indexed provider, bool approved);
    event ComputeAttested(address indexed provider, uint256 indexed taskId, uint8 kind, bytes32 taskHash, bytes32 resultHash);
}
