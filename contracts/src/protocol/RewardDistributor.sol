// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {AccessControl} from "@openzeppelin/contracts/access/AccessControl.sol";
import {ReentrancyGuard} from "@openzeppelin/contracts/utils/ReentrancyGuard.sol";
import {IRewardDistributorEvents} from "../interfaces/IRewardDistributorEvents.sol";
import {IStaking} from "./IProtocol.sol";
import {ProtocolTypes} from "./ProtocolTypes.sol";
import "./Errors.sol";

/// Holds every reward until its owner claims it. Splits each inference fee by governed basis points:
/// protocol, model owner and provider accrue at once, stakers through Staking's accumulator, and the
/// contributors' part is escrowed per inference until its attribution settles (or is forfeited).
contract RewardDistributor is AccessControl, ReentrancyGuard, IRewardDistributorEvents {
    bytes32 public constant LEDGER_ROLE = keccak256("LEDGER_ROLE");
    bytes32 public constant SETTLER_ROLE = keccak256("SETTLER_ROLE");
    bytes32 public constant DEPOSITOR_ROLE = keccak256("DEPOSITOR_ROLE");

    error InvalidSplit(uint256 sum);
    error NothingToClaim();
    error InvalidRole(uint8 role);

    struct Split {
        uint32 protocolBps;
        uint32 modelOwnerBps;
        uint32 providerBps;
        uint32 stakersBps;
        uint32 contributorsBps;
    }

    IStaking public immutable staking;
    address public treasury;
    Split public split;
    mapping(address => uint256) public accrued;
    mapping(uint256 => uint256) public escrow;

    constructor(address governance, address treasury_, address staking_) {
        if (governance == address(0) || treasury_ == address(0) || staking_ == address(0)) revert ZeroAddress();
        _grantRole(DEFAULT_ADMIN_ROLE, governance);
        treasury = treasury_;
        staking = IStaking(staking_);
        _setSplit(Split(500, 3000, 1500, 1000, 4000));
    }

    function setSplit(Split calldata s) external onlyRole(DEFAULT_ADMIN_ROLE) {
        _setSplit(s);
    }

    function setTreasury(address treasury_) external onlyRole(DEFAULT_ADMIN_ROLE) {
        if (treasury_ == address(0)) revert ZeroAddress();
        treasury = treasury_;
    }

    /// Called by InferenceLedger with the fee. Rounding dust and the stakers' part while nobody stakes go to the protocol.
    function splitFee(uint256 inferenceId, address modelOwner, address provider) external payable onlyRole(LEDGER_ROLE) {
        uint256 fee = msg.value;
        Split memory s = split;
        uint256 toOwner = (fee * s.modelOwnerBps) / ProtocolTypes.BPS;
        uint256 toProvider = (fee * s.providerBps) / ProtocolTypes.BPS;
        uint256 toStakers = staking.totalStaked() == 0 ? 0 : (fee * s.stakersBps) / ProtocolTypes.BPS;
        uint256 toContributors = (fee * s.contributorsBps) / ProtocolTypes.BPS;
        uint256 toProtocol = fee - toOwner - toProvider - toStakers - toContributors;
        emit FeeSplit(inferenceId, toProtocol, toOwner, toProvider, toStakers, toContributors);
        _accrue(treasury, inferenceId, ProtocolTypes.ROLE_PROTOCOL, toProtocol);
        _accrue(modelOwner, inferenceId, ProtocolTypes.ROLE_MODEL_OWNER, toOwner);
        _accrue(provider, inferenceId, ProtocolTypes.ROLE_PROVIDER, toProvider);
        if (toStakers > 0) staking.distribute{value: toStakers}();
        if (toContributors > 0) escrow[inferenceId] = toContributors;
    }

    /// Value-backed credit (staking rewards, slashes, bonds): whoever holds DEPOSITOR_ROLE brings the money.
    function deposit(address account, uint256 inferenceId, uint8 role) external payable onlyRole(DEPOSITOR_ROLE) {
        if (role > ProtocolTypes.ROLE_PROTOCOL) revert InvalidRole(role);
        if (account == address(0)) revert ZeroAddress();
        _accrue(account, inferenceId, role, msg.value);
    }

    function depositProtocol(uint256 inferenceId) external payable onlyRole(DEPOSITOR_ROLE) {
        _accrue(treasury, inferenceId, ProtocolTypes.ROLE_PROTOCOL, msg.value);
    }

    /// Pays an inference's escrow to the attributed contributors in proportion to their ppm weights;
    /// the unweighted rest and rounding go to the protocol. Returns the escrow released.
    function releaseEscrow(uint256 inferenceId, address[] calldata accounts, uint32[] calldata weightsPpm)
        external
        onlyRole(SETTLER_ROLE)
        returns (uint256 amount)
    {
        if (accounts.length != weightsPpm.length) revert LengthMismatch();
        amount = escrow[inferenceId];
        delete escrow[inferenceId];
        uint256 paid = 0;
        for (uint256 i = 0; i < accounts.length; i++) {
            uint256 share = (amount * weightsPpm[i]) / ProtocolTypes.PPM;
            paid += share;
            _accrue(accounts[i], inferenceId, ProtocolTypes.ROLE_CONTRIBUTOR, share);
        }
        _accrue(treasury, inferenceId, ProtocolTypes.ROLE_PROTOCOL, amount - paid);
    }

    /// An upheld dispute: the contributors' escrow goes to the protocol.
    function forfeitEscrow(uint256 inferenceId) external onlyRole(SETTLER_ROLE) returns (uint256 amount) {
        amount = escrow[inferenceId];
        delete escrow[inferenceId];
        _accrue(treasury, inferenceId, ProtocolTypes.ROLE_PROTOCOL, amount);
    }

    function claim() external nonReentrant {
        uint256 amount = accrued[msg.sender];
        if (amount == 0) revert NothingToClaim();
        accrued[msg.sender] = 0;
        emit RewardClaimed(msg.sender, amount);
        (bool ok,) = msg.sender.call{value: amount}("");
        if (!ok) revert TransferFailed(msg.sender, amount);
    }

    function _accrue(address account, uint256 inferenceId, uint8 role, uint256 amount) private {
        if (amount == 0) return;
        accrued[account] += amount;
        emit RewardAccrued(account, inferenceId, role, amount);
    }

    function _setSplit(Split memory s) private {
        uint256 sum = uint256(s.protocolBps) + s.modelOwnerBps + s.providerBps + s.stakersBps + s.contributorsBps;
        if (sum != ProtocolTypes.BPS) revert InvalidSplit(sum);
        split = s;
        emit SplitParametersChanged(s.protocolBps, s.modelOwnerBps, s.providerBps, s.stakersBps, s.contributorsBps);
    }
}
