// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {AccessControl} from "@openzeppelin/contracts/access/AccessControl.sol";
import {ReentrancyGuard} from "@openzeppelin/contracts/utils/ReentrancyGuard.sol";
import {Votes} from "@openzeppelin/contracts/governance/utils/Votes.sol";
import {EIP712} from "@openzeppelin/contracts/utils/cryptography/EIP712.sol";
import {IStakingEvents} from "../interfaces/IStakingEvents.sol";
import {IRewardDistributor} from "./IProtocol.sol";
import {ProtocolTypes} from "./ProtocolTypes.sol";
import "./Errors.sol";

/// Native-OPEN staking. Stake is what contributors, posters and providers put at risk; stakers earn a
/// pro-rata share of inference fees through a reward-per-share accumulator, realized into the
/// RewardDistributor (RewardAccrued role STAKER) whenever a stake changes or its owner harvests.
/// Active stake is also governance voting power (ERC-5805 `Votes`, timestamp clock): a staker delegates
/// (to itself or to someone else) and the Governor reads the delegate's checkpointed votes at a proposal's
/// snapshot, so stake added, unstaked or slashed after the snapshot does not change that proposal's vote.
contract Staking is AccessControl, ReentrancyGuard, IStakingEvents, Votes {
    bytes32 public constant SLASHER_ROLE = keccak256("SLASHER_ROLE");
    bytes32 public constant DISTRIBUTOR_ROLE = keccak256("DISTRIBUTOR_ROLE");
    uint256 private constant ACC = 1e18;

    error NothingToWithdraw();
    error CooldownNotOver(uint64 availableAt);
    error AmountExceedsStake(uint256 amount, uint256 stake);
    error ZeroAmount();
    error NoStakers();
    error DistributorAlreadySet();

    event ParameterChanged(bytes32 indexed name, uint256 value);

    struct Pending {
        uint256 amount;
        uint64 availableAt;
    }

    mapping(address => uint256) public stakeOf;
    mapping(address => Pending) public pendingUnstake;
    mapping(address => uint256) private rewardDebt;
    uint256 public totalStaked;
    uint256 public accRewardPerShare;
    uint256 public minPosterStake;
    uint256 public minProviderStake;
    uint64 public unstakeCooldown;
    IRewardDistributor public rewardDistributor;

    constructor(address governance, uint256 minPosterStake_, uint256 minProviderStake_, uint64 unstakeCooldown_)
        EIP712("OpenLedger Staking", "1")
    {
        if (governance == address(0)) revert ZeroAddress();
        _grantRole(DEFAULT_ADMIN_ROLE, governance);
        minPosterStake = minPosterStake_;
        minProviderStake = minProviderStake_;
        unstakeCooldown = unstakeCooldown_;
    }

    /// Wires the distributor once (it is deployed after Staking, and also needs Staking's address).
    function setRewardDistributor(address distributor) external onlyRole(DEFAULT_ADMIN_ROLE) {
        if (distributor == address(0)) revert ZeroAddress();
        if (address(rewardDistributor) != address(0)) revert DistributorAlreadySet();
        rewardDistributor = IRewardDistributor(distributor);
    }

    function setMinimums(uint256 poster, uint256 provider, uint64 cooldown) external onlyRole(DEFAULT_ADMIN_ROLE) {
        minPosterStake = poster;
        minProviderStake = provider;
        unstakeCooldown = cooldown;
        emit ParameterChanged("minPosterStake", poster);
        emit ParameterChanged("minProviderStake", provider);
        emit ParameterChanged("unstakeCooldown", cooldown);
    }

    function stake() external payable {
        _stake(msg.sender, msg.value);
    }

    /// Stakes msg.value on behalf of account (ComputeRegistry stakes a provider's registration value).
    function stakeFor(address account) external payable {
        if (account == address(0)) revert ZeroAddress();
        _stake(account, msg.value);
    }

    /// Moves amount out of the active stake; it stops earning and can be withdrawn after the cooldown
    /// (and stays slashable until then).
    function requestUnstake(uint256 amount) external {
        uint256 current = stakeOf[msg.sender];
        if (amount == 0) revert ZeroAmount();
        if (amount > current) revert AmountExceedsStake(amount, current);
        _harvest(msg.sender);
        stakeOf[msg.sender] = current - amount;
        totalStaked -= amount;
        rewardDebt[msg.sender] = ((current - amount) * accRewardPerShare) / ACC;
        _transferVotingUnits(msg.sender, address(0), amount);
        Pending storage p = pendingUnstake[msg.sender];
        p.amount += amount;
        p.availableAt = uint64(block.timestamp) + unstakeCooldown;
        emit UnstakeRequested(msg.sender, amount, p.availableAt);
    }

    function withdraw() external nonReentrant {
        Pending memory p = pendingUnstake[msg.sender];
        if (p.amount == 0) revert NothingToWithdraw();
        if (block.timestamp < p.availableAt) revert CooldownNotOver(p.availableAt);
        delete pendingUnstake[msg.sender];
        emit Unstaked(msg.sender, p.amount);
        (bool ok,) = msg.sender.call{value: p.amount}("");
        if (!ok) revert TransferFailed(msg.sender, p.amount);
    }

    /// Realizes the caller's staking rewards into the RewardDistributor, where claim() pays them.
    function harvest() external {
        _harvest(msg.sender);
        rewardDebt[msg.sender] = (stakeOf[msg.sender] * accRewardPerShare) / ACC;
    }

    function pendingReward(address account) external view returns (uint256) {
        return (stakeOf[account] * accRewardPerShare) / ACC - rewardDebt[account];
    }

    /// The stakers' part of a fee, shared pro rata over the active stake.
    function distribute() external payable onlyRole(DISTRIBUTOR_ROLE) {
        if (totalStaked == 0) revert NoStakers();
        accRewardPerShare += (msg.value * ACC) / totalStaked;
    }

    /// Takes up to amount from the account's active stake, then from its pending unstake; the slashed
    /// value goes to the protocol. Returns what was actually slashed.
    function slash(address account, uint256 amount, string calldata reason)
        external
        onlyRole(SLASHER_ROLE)
        returns (uint256 slashed)
    {
        _harvest(account);
        uint256 active = stakeOf[account];
        uint256 fromActive = amount < active ? amount : active;
        stakeOf[account] = active - fromActive;
        totalStaked -= fromActive;
        rewardDebt[account] = ((active - fromActive) * accRewardPerShare) / ACC;
        if (fromActive > 0) _transferVotingUnits(account, address(0), fromActive);
        uint256 rest = amount - fromActive;
        uint256 fromPending = 0;
        if (rest > 0) {
            Pending storage p = pendingUnstake[account];
            fromPending = rest < p.amount ? rest : p.amount;
            p.amount -= fromPending;
        }
        slashed = fromActive + fromPending;
        emit Slashed(account, slashed, reason, msg.sender);
        if (slashed > 0) rewardDistributor.depositProtocol{value: slashed}(0);
    }

    function _stake(address account, uint256 amount) private {
        if (amount == 0) revert ZeroAmount();
        _harvest(account);
        uint256 next = stakeOf[account] + amount;
        stakeOf[account] = next;
        totalStaked += amount;
        rewardDebt[account] = (next * accRewardPerShare) / ACC;
        _transferVotingUnits(address(0), account, amount);
        emit Staked(account, amount, next);
    }

    /// Timestamp clock: voting periods are governed in seconds, which mean the same on every chain, while L2
    /// block times vary (and a block clock would make "a three-day vote" a guess).
    function clock() public view override returns (uint48) {
        return uint48(block.timestamp);
    }

    // solhint-disable-next-line func-name-mixedcase
    function CLOCK_MODE() public view override returns (string memory) {
        if (clock() != uint48(block.timestamp)) revert ERC6372InconsistentClock();
        return "mode=timestamp";
    }

    /// Voting units are the active stake: pending unstakes neither earn nor vote.
    function _getVotingUnits(address account) internal view override returns (uint256) {
        return stakeOf[account];
    }

    /// Pays out accrued rewards; callers reset rewardDebt for the new stake afterwards.
    function _harvest(address account) private {
        uint256 owed = (stakeOf[account] * accRewardPerShare) / ACC - rewardDebt[account];
        if (owed > 0) {
            rewardDebt[account] += owed;
            rewardDistributor.deposit{value: owed}(account, 0, ProtocolTypes.ROLE_STAKER);
        }
    }
}
