// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

/// Events of Treasury. Grant kind: 0 ACCOUNT, 1 DATANET, 2 MODEL (what the grant funds; targetId is its id).
interface ITreasuryEvents {
    event Received(address indexed from, uint256 amount);
    event GrantPaid(
        uint256 indexed grantId, address indexed recipient, uint256 amount, uint8 kind, uint256 targetId, string memo
    );
}
