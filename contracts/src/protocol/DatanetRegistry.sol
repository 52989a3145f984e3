// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {AccessControl} from "@openzeppelin/contracts/access/AccessControl.sol";
import {IDatanetRegistryEvents} from "../interfaces/IDatanetRegistryEvents.sol";
import {IStaking} from "./IProtocol.sol";
import "./Errors.sol";

/// Datanets and their contributions. Contributing needs the datanet's minimum stake; a curated
/// datanet's contributions stay pending until one of its curators reviews them, an open datanet's are
/// accepted on submission. Owners publish versions (Merkle roots over contributions) that models cite.
/// Governance (DEFAULT_ADMIN_ROLE, the Timelock) vets curated datanets: `approved` marks the ones it approved.
contract DatanetRegistry is AccessControl, IDatanetRegistryEvents {
    enum Status {
        None,
        Pending,
        Accepted,
        Rejected
    }

    struct Datanet {
        address owner;
        bool curated;
        uint32 versionCount;
        uint32 submittedCount;
        uint256 minStake;
    }

    struct Contribution {
        address contributor;
        uint64 datanetId;
        Status status;
    }

    error NotCurator(uint256 datanetId, address caller);
    error AlreadyCurator(uint256 datanetId, address curator);
    error AlreadyReviewed(uint256 contributionId);
    error CountExceedsSubmitted(uint32 count, uint32 submitted);
    error ContributionNotAccepted(uint256 contributionId);
    error NotCurated(uint256 datanetId);

    IStaking public immutable staking;
    uint256 public datanetCount;
    uint256 public contributionCount;
    mapping(uint256 => Datanet) public datanets;
    mapping(uint256 => Contribution) public contributions;
    mapping(uint256 => mapping(address => bool)) public isCurator;
    mapping(uint256 => mapping(uint32 => bytes32)) public versionRoot;
    /// Curated datanets governance approved.
    mapping(uint256 => bool) public approved;

    constructor(address governance, address staking_) {
        if (governance == address(0) || staking_ == address(0)) revert ZeroAddress();
        _grantRole(DEFAULT_ADMIN_ROLE, governance);
        staking = IStaking(staking_);
    }

    /// Approves a curated datanet (or withdraws the approval); only curated datanets can be approved.
    function setApproval(uint256 datanetId, bool approved_) external onlyRole(DEFAULT_ADMIN_ROLE) {
        Datanet storage d = datanets[datanetId];
        if (d.owner == address(0)) revert UnknownDatanet(datanetId);
        if (!d.curated) revert NotCurated(datanetId);
        approved[datanetId] = approved_;
        emit DatanetApprovalSet(datanetId, approved_);
    }

    function createDatanet(string calldata name, string calldata metadataURI, bool curated, uint256 minStake)
        external
        returns (uint256 datanetId)
    {
        datanetId = ++datanetCount;
        datanets[datanetId] = Datanet(msg.sender, curated, 0, 0, minStake);
        emit DatanetCreated(datanetId, msg.sender, name, metadataURI, curated, minStake);
    }

    function addCurator(uint256 datanetId, address curator) external {
        _ownedDatanet(datanetId);
        if (curator == address(0)) revert ZeroAddress();
        if (isCurator[datanetId][curator]) revert AlreadyCurator(datanetId, curator);
        isCurator[datanetId][curator] = true;
        emit CuratorAdded(datanetId, curator);
    }

    function submitContribution(uint256 datanetId, bytes32 contentHash, uint64 size, string calldata license)
        external
        returns (uint256 contributionId)
    {
        Status status = _admit(datanetId, 1);
        contributionId = _submit(datanetId, contentHash, size, license, status);
    }

    /// Many contributions in one transaction (same datanet and license); returns the first id, the rest follow.
    function submitContributions(
        uint256 datanetId,
        bytes32[] calldata contentHashes,
        uint64[] calldata sizes,
        string calldata license
    ) external returns (uint256 firstId) {
        uint256 n = contentHashes.length;
        if (n == 0) revert EmptyBatch();
        if (sizes.length != n) revert LengthMismatch();
        Status status = _admit(datanetId, n);
        firstId = contributionCount + 1;
        for (uint256 i = 0; i < n; i++) {
            _submit(datanetId, contentHashes[i], sizes[i], license, status);
        }
    }

    function reviewContribution(uint256 contributionId, bool accepted) external {
        _review(contributionId, accepted);
    }

    function reviewContributions(uint256[] calldata contributionIds, bool[] calldata accepted) external {
        if (contributionIds.length == 0) revert EmptyBatch();
        if (accepted.length != contributionIds.length) revert LengthMismatch();
        for (uint256 i = 0; i < contributionIds.length; i++) {
            _review(contributionIds[i], accepted[i]);
        }
    }

    /// A new version of the datanet: the Merkle root over its first contributionCount contributions.
    function publishVersion(uint256 datanetId, bytes32 merkleRoot, uint32 count) external returns (uint32 version) {
        Datanet storage d = _ownedDatanet(datanetId);
        if (count > d.submittedCount) revert CountExceedsSubmitted(count, d.submittedCount);
        version = ++d.versionCount;
        versionRoot[datanetId][version] = merkleRoot;
        emit DatanetVersionPublished(datanetId, version, merkleRoot, count);
    }

    function versionExists(uint256 datanetId, uint32 version) external view returns (bool) {
        return version > 0 && version <= datanets[datanetId].versionCount;
    }

    /// The contributor of an accepted contribution; reverts for unknown or not (yet) accepted ones.
    function acceptedContributor(uint256 contributionId) external view returns (address) {
        Contribution storage c = contributions[contributionId];
        if (c.status != Status.Accepted) {
            if (c.status == Status.None) revert UnknownContribution(contributionId);
            revert ContributionNotAccepted(contributionId);
        }
        return c.contributor;
    }

    function _admit(uint256 datanetId, uint256 n) private returns (Status) {
        Datanet storage d = datanets[datanetId];
        if (d.owner == address(0)) revert UnknownDatanet(datanetId);
        uint256 actual = staking.stakeOf(msg.sender);
        if (actual < d.minStake) revert InsufficientStake(d.minStake, actual);
        d.submittedCount += uint32(n);
        return d.curated ? Status.Pending : Status.Accepted;
    }

    function _submit(uint256 datanetId, bytes32 contentHash, uint64 size, string calldata license, Status status)
        private
        returns (uint256 id)
    {
        id = ++contributionCount;
        contributions[id] = Contribution(msg.sender, uint64(datanetId), status);
        emit ContributionSubmitted(id, datanetId, msg.sender, contentHash, size, license);
    }

    function _review(uint256 contributionId, bool accepted) private {
        Contribution storage c = contributions[contributionId];
        if (c.status == Status.None) revert UnknownContribution(contributionId);
        if (!isCurator[c.datanetId][msg.sender]) revert NotCurator(c.datanetId, msg.sender);
        if (c.status != Status.Pending) revert AlreadyReviewed(contributionId);
        c.status = accepted ? Status.Accepted : Status.Rejected;
        emit ContributionReviewed(contributionId, msg.sender, accepted);
    }

    function _ownedDatanet(uint256 datanetId) private view returns (Datanet storage d) {
        d = datanets[datanetId];
        if (d.owner == address(0)) revert UnknownDatanet(datanetId);
        if (d.owner != msg.sender) revert NotOwner(msg.sender);
    }
}
