// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {AccessControl} from "@openzeppelin/contracts/access/AccessControl.sol";
import {ReentrancyGuard} from "@openzeppelin/contracts/utils/ReentrancyGuard.sol";
import {ITreasuryEvents} from "../interfaces/ITreasuryEvents.sol";
import "./Errors.sol";

interface IClaimable {
    function claim() external;
    function accrued(address account) external view returns (uint256);
}

/// The protocol's treasury: it is RewardDistributor's treasury account, so the protocol's share of every fee,
/// rounding dust, forfeited escrows and slashed stake accrue to it; anyone may `collect` that into this
/// contract. Only governance (the Timelock, DEFAULT_ADMIN_ROLE) pays grants out, to datanet and model builders.
contract Treasury is AccessControl, ReentrancyGuard, ITreasuryEvents {
    uint8 public constant GRANT_ACCOUNT = 0;
    uint8 public constant GRANT_DATANET = 1;
    uint8 public constant GRANT_MODEL = 2;

    error InsufficientBalance(uint256 amount, uint256 balance);
    error InvalidGrantKind(uint8 kind);
    error ZeroAmount();

    IClaimable public immutable rewardDistributor;
    uint256 public grantCount;

    constructor(address governance, address rewardDistributor_) {
        if (governance == address(0) || rewardDistributor_ == address(0)) revert ZeroAddress();
        _grantRole(DEFAULT_ADMIN_ROLE, governance);
        rewardDistributor = IClaimable(rewardDistributor_);
    }

    receive() external payable {
        emit Received(msg.sender, msg.value);
    }

    /// Pulls what the RewardDistributor holds for the treasury (fees, slashes) into this contract.
    function collect() external returns (uint256 amount) {
        amount = rewardDistributor.accrued(address(this));
        if (amount > 0) rewardDistributor.claim();
    }

    /// Pays a grant; only the Timelock (so only a passed proposal) can.
    function payGrant(address payable recipient, uint256 amount, uint8 kind, uint256 targetId, string calldata memo)
        external
        onlyRole(DEFAULT_ADMIN_ROLE)
        nonReentrant
        returns (uint256 grantId)
    {
        if (recipient == address(0)) revert ZeroAddress();
        if (amount == 0) revert ZeroAmount();
        if (kind > GRANT_MODEL) revert InvalidGrantKind(kind);
        if (amount > address(this).balance) revert InsufficientBalance(amount, address(this).balance);
        grantId = ++grantCount;
        emit GrantPaid(grantId, recipient, amount, kind, targetId, memo);
        (bool ok,) = recipient.call{value: amount}("");
        if (!ok) revert TransferFailed(recipient, amount);
    }
}
