// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {IComputeRegistryEvents} from "../interfaces/IComputeRegistryEvents.sol";
import {IStaking} from "./IProtocol.sol";
import {ProtocolTypes} from "./ProtocolTypes.sol";
import "./Errors.sol";

/// Compute providers: registering stakes the attached value in Staking (the provider's stake must reach
/// the minimum); registered providers serve inferences and attest the compute tasks they ran.
contract ComputeRegistry is IComputeRegistryEvents {
    error NotProvider(address caller);

    IStaking public immutable staking;
    mapping(address => bool) public isProvider;
    mapping(address => string) public endpointOf;

    constructor(address staking_) {
        if (staking_ == address(0)) revert ZeroAddress();
        staking = IStaking(staking_);
    }

    /// Registers (or updates) the caller; stake in the event is the provider's total stake afterwards.
    function registerProvider(string calldata endpointURI) external payable {
        if (msg.value > 0) staking.stakeFor{value: msg.value}(msg.sender);
        uint256 total = staking.stakeOf(msg.sender);
        uint256 required = staking.minProviderStake();
        if (total < required) revert InsufficientStake(required, total);
        isProvider[msg.sender] = true;
        endpointOf[msg.sender] = endpointURI;
        emit ProviderRegistered(msg.sender, endpointURI, total);
    }

    function attest(uint256 taskId, uint8 kind, bytes32 taskHash, bytes32 resultHash) external {
        if (!isProvider[msg.sender]) revert NotProvider(msg.sender);
        _attest(taskId, kind, taskHash, resultHash);
    }

    function attestBatch(
        uint256[] calldata taskIds,
        uint8[] calldata kinds,
        bytes32[] calldata taskHashes,
        bytes32[] calldata resultHashes
    ) external {
        if (!isProvider[msg.sender]) revert NotProvider(msg.sender);
        uint256 n = taskIds.length;
        if (n == 0) revert EmptyBatch();
        if (kinds.length != n || taskHashes.length != n || resultHashes.length != n) revert LengthMismatch();
        for (uint256 i = 0; i < n; i++) {
            _attest(taskIds[i], kinds[i], taskHashes[i], resultHashes[i]);
        }
    }

    function _attest(uint256 taskId, uint8 kind, bytes32 taskHash, bytes32 resultHash) private {
        if (kind > ProtocolTypes.COMPUTE_REPLAY) revert InvalidKind(kind);
        emit ComputeAttested(msg.sender, taskId, kind, taskHash, resultHash);
    }
}
