// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

/// Events of DatanetRegistry: datanets, curators, contributions, reviews, versions.
interface IDatanetRegistryEvents {
    event DatanetCreated(
        uint256 indexed datanetId, address indexed owner, string name, string metadataURI, bool curated, uint256 minStake
    );
    event CuratorAdded(uint256 indexed datanetId, address indexed curator);
    event ContributionSubmitted(
        uint256 indexed contributionId,
        uint256 indexed datanetId,
        address indexed contributor,
        bytes32 contentHash,
        uint64 size,
        string license
    );
    event ContributionReviewed(uint256 indexed contributionId, address indexed curator, bool accepted);
    /// Governance approved (or withdrew its approval of) a curated datanet.
    event DatanetApprovalSet(uint256 indexed datanetId, bool approved);
    event DatanetVersionPublished(
        uint256 indexed datanetId, uint32 version, bytes32 merkleRoot, uint32 contributionCount
    );
}
