// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {AccessControl} from "@openzeppelin/contracts/access/AccessControl.sol";
import {IComputeRegistryEvents} from "../interfaces/IComputeRegistryEvents.sol";
import {IStaking} from "./IProtocol.sol";
import {ProtocolTypes} from "./ProtocolTypes.sol";
import "./Errors.sol";

/// Compute providers: registering stakes the attached value in Staking (the provider's stake must reach
/// the minimum); registered providers attest the compute tasks they ran. Serving paid inferences also takes
/// governance's approval (DEFAULT_ADMIN_ROLE, the Timelock): the community approves compute resources. An
/// approval may come before or after the registration; withdrawing it stops the provider serving.
contract ComputeRegistry is AccessControl, IComputeRegistryEvents {
    error NotProvider(address caller);

    IStaking public immutable staking;
    mapping(address => bool) public isRegistered;
    mapping(address => bool) public isApproved;
    mapping(address => string) public endpointOf;

    constructor(address governance, address staking_) {
        if (governance == address(0) || staking_ == address(0)) revert ZeroAddress();
        _grantRole(DEFAULT_ADMIN_ROLE, governance);
        staking = IStaking(staking_);
    }

    /// Whether the account may serve inferences: registered (staked) and approved by governance.
    function isProvider(address account) external view returns (bool) {
        return isRegistered[account] && isApproved[account];
    }

    function setProviderApproval(address provider, bool approved) external onlyRole(DEFAULT_ADMIN_ROLE) {
        if (provider == address(0)) revert ZeroAddress();
        isApproved[provider] = approved;
        emit ProviderApprovalSet(provider, approved);
    }

    /// Registers (or updates) the caller; stake in the event is the provider's total stake afterwards.
    function registerProvider(string calldata endpointURI) external payable {
        if (msg.value > 0) staking.stakeFor{value: msg.value}(msg.sender);
        uint256 total = staking.stakeOf(msg.sender);
        uint256 required = staking.minProviderStake();
        if (total < required) revert InsufficientStake(required, total);
        isRegistered[msg.sender] = true;
        endpointOf[msg.sender] = endpointURI;
        emit ProviderRegistered(msg.sender, endpointURI, total);
    }

    function attest(uint256 taskId, uint8 kind, bytes32 taskHash, bytes32 resultHash) external {
        if (!isRegistered[msg.sender]) revert NotProvider(msg.sender);
        _attest(taskId, kind, taskHash, resultHash);
    }

    function attestBatch(
        uint256[] calldata taskIds,
        uint8[] calldata kinds,
        bytes32[] calldata taskHashes,
        bytes32[] calldata resultHashes
    ) external {
        if (!isRegistered[msg.sender]) revert NotProvider(msg.sender);
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
