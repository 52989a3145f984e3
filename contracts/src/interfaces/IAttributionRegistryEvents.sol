// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

/// Events of AttributionRegistry. score is the method's raw score in 1e18 fixed point.
interface IAttributionRegistryEvents {
    event AttributionPosted(
        uint256 indexed attributionId,
        uint256 indexed inferenceId,
        address indexed poster,
        string method,
        bytes32 paramsHash,
        bytes32 resultHash,
        string resultURI
    );
    event AttributionShare(uint256 indexed attributionId, uint256 indexed contributionId, uint32 weightPpm, int256 score);
    event AttributionDisputed(
        uint256 indexed disputeId, uint256 indexed attributionId, address indexed challenger, bytes32 evidenceHash, uint256 bond
    );
    event DisputeResolved(uint256 indexed disputeId, bool upheld, uint256 slashed);
    /// Emitted when the challenge window has passed and the contributors' escrow is released (paid = false when upheld).
    event AttributionSettled(uint256 indexed attributionId, bool paid, uint256 amount);
    /// Governance allowed or disallowed a PoA method; paramsHash pins its canonical parameters (zero: any).
    event MethodRuleSet(bytes32 indexed methodKey, string method, bool allowed, bytes32 paramsHash);
}
