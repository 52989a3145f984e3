import * as p from '@subsquid/evm-codec'
import { event, fun, viewFun, indexed, ContractBase } from '@subsquid/evm-abi'
import type { EventParams as EParams, FunctionArguments, FunctionReturn } from '@subsquid/evm-abi'

export const events = {
    FeeSplit: event("0x995ce2ef7c1930018eae00f676fe6f51286e2d3d6be775a64bc6b87c3551aa34", "FeeSplit(uint256,uint256,uint256,uint256,uint256,uint256)", {"inferenceId": indexed(p.uint256), "protocol": p.uint256, "modelOwner": p.uint256, "provider": p.uint256, "stakers": p.uint256, "contributors": p.uint256}),
    RewardAccrued: event("0x6923e5879e7217b6481afa33e604ad52afcd215fb632497c2765f7368fa1a09d", "RewardAccrued(address,uint256,uint8,uint256)", {"account": indexed(p.address), "inferenceId": indexed(p.uint256), "role": p.uint8, "amount": p.uint256}),
    RewardClaimed: event("0x106f923f993c2149d49b4255ff723acafa1f2d94393f561d3eda32ae348f7241", "RewardClaimed(address,uint256)", {"account": indexed(p.address), "amount": p.uint256}),
    RoleAdminChanged: event("0xbd79b86ffe0ab8e8776151514217cd7cacd52c909f66475c3af44e129f0b00ff", "RoleAdminChanged(bytes32,bytes32,bytes32)", {"role": indexed(p.bytes32), "previousAdminRole": indexed(p.bytes32), "newAdminRole": indexed(p.bytes32)}),
    RoleGranted: event("0x2f8788117e7eff1d82e926ec794901d17c78024a50270940304540a733656f0d", "RoleGranted(bytes32,address,address)", {"role": indexed(p.bytes32), "account": indexed(p.address), "sender": indexed(p.address)}),
    RoleRevoked: event("0xf6391f5c32d9c69d2a47ea670b442974b53935d1edc7fd64eb21e047a839171b", "RoleRevoked(bytes32,address,address)", {"role": indexed(p.bytes32), "account": indexed(p.address), "sender": indexed(p.address)}),
    SplitParametersChanged: event("0xb989f0777ebe1472c179f194d15525341f63db1b87ed41c7c584f58d396046e9", "SplitParametersChanged(uint32,uint32,uint32,uint32,uint32)", {"protocolBps": p.uint32, "modelOwnerBps": p.uint32, "providerBps": p.uint32, "stakersBps": p.uint32, "contributorsBps": p.uint32}),
}

export const functions = {
    DEFAULT_ADMIN_ROLE: viewFun("0xa217fddf", "DEFAULT_ADMIN_ROLE()", {}, p.bytes32),
    DEPOSITOR_ROLE: viewFun("0xa3b0b5a3", "DEPOSITOR_ROLE()", {}, p.bytes32),
    LEDGER_ROLE: viewFun("0x3b4e2646", "LEDGER_ROLE()", {}, p.bytes32),
    SETTLER_ROLE: viewFun("0x7445e85c", "SETTLER_ROLE()", {}, p.bytes32),
    accrued: viewFun("0xb148440f", "accrued(address)", {"_0": p.address}, p.uint256),
    claim: fun("0x4e71d92d", "claim()", {}, ),
    deposit: fun("0xf19ed6be", "deposit(address,uint256,uint8)", {"account": p.address, "inferenceId": p.uint256, "role": p.uint8}, ),
    depositProtocol: fun("0xb5237aa9", "depositProtocol(uint256)", {"inferenceId": p.uint256}, ),
    escrow: viewFun("0xd68ff191", "escrow(uint256)", {"_0": p.uint256}, p.uint256),
    forfeitEscrow: fun("0x0fb83027", "forfeitEscrow(uint256)", {"inferenceId": p.uint256}, p.uint256),
    getRoleAdmin: viewFun("0x248a9ca3", "getRoleAdmin(bytes32)", {"role": p.bytes32}, p.bytes32),
    grantRole: fun("0x2f2ff15d", "grantRole(bytes32,address)", {"role": p.bytes32, "account": p.address}, ),
    hasRole: viewFun("0x91d14854", "hasRole(bytes32,address)", {"role": p.bytes32, "account": p.address}, p.bool),
    releaseEscrow: fun("0xf450ccb2", "releaseEscrow(uint256,address[],uint32[])", {"inferenceId": p.uint256, "accounts": p.array(p.address), "weightsPpm": p.array(p.uint32)}, p.uint256),
    renounceRole: fun("0x36568abe", "renounceRole(bytes32,address)", {"role": p.bytes32, "callerConfirmation": p.address}, ),
    revokeRole: fun("0xd547741f", "revokeRole(bytes32,address)", {"role": p.bytes32, "account": p.address}, ),
    setSplit: fun("0x97bfdd19", "setSplit((uint32,uint32,uint32,uint32,uint32))", {"s": p.struct({"protocolBps": p.uint32, "modelOwnerBps": p.uint32, "providerBps": p.uint32, "stakersBps": p.uint32, "contributorsBps": p.uint32})}, ),
    setTreasury: fun("0xf0f44260", "setTreasury(address)", {"treasury_": p.address}, ),
    split: viewFun("0xf7654176", "split()", {}, {"protocolBps": p.uint32, "modelOwnerBps": p.uint32, "providerBps": p.uint32, "stakersBps": p.uint32, "contributorsBps": p.uint32}),
    splitFee: fun("0x4de7bdaf", "splitFee(uint256,address,address)", {"inferenceId": p.uint256, "modelOwner": p.address, "provider": p.address}, ),
    staking: viewFun("0x4cf088d9", "staking()", {}, p.address),
    supportsInterface: viewFun("0x01ffc9a7", "supportsInterface(bytes4)", {"interfaceId": p.bytes4}, p.bool),
    treasury: viewFun("0x61d027b3", "treasury()", {}, p.address),
}

export class Contract extends ContractBase {

    DEFAULT_ADMIN_ROLE() {
        return this.eth_call(functions.DEFAULT_ADMIN_ROLE, {})
    }

    DEPOSITOR_ROLE() {
        return this.eth_call(functions.DEPOSITOR_ROLE, {})
    }

    LEDGER_ROLE() {
        return this.eth_call(functions.LEDGER_ROLE, {})
    }

    SETTLER_ROLE() {
        return this.eth_call(functions.SETTLER_ROLE, {})
    }

    accrued(_0: AccruedParams["_0"]) {
        return this.eth_call(functions.accrued, {_0})
    }

    escrow(_0: EscrowParams["_0"]) {
        return this.eth_call(functions.escrow, {_0})
    }

    getRoleAdmin(role: GetRoleAdminParams["role"]) {
        return this.eth_call(functions.getRoleAdmin, {role})
    }

    hasRole(role: HasRoleParams["role"], account: HasRoleParams["account"]) {
        return this.eth_call(functions.hasRole, {role, account})
    }

    split() {
        return this.eth_call(functions.split, {})
    }

    staking() {
        return this.eth_call(functions.staking, {})
    }

    supportsInterface(interfaceId: SupportsInterfaceParams["interfaceId"]) {
        return this.eth_call(functions.supportsInterface, {interfaceId})
    }

    treasury() {
        return this.eth_call(functions.treasury, {})
    }
}

/// Event types
export type FeeSplitEventArgs = EParams<typeof events.FeeSplit>
export type RewardAccruedEventArgs = EParams<typeof events.RewardAccrued>
export type RewardClaimedEventArgs = EParams<typeof events.RewardClaimed>
export type RoleAdminChangedEventArgs = EParams<typeof events.RoleAdminChanged>
export type RoleGrantedEventArgs = EParams<typeof events.RoleGranted>
export type RoleRevokedEventArgs = EParams<typeof events.RoleRevoked>
export type SplitParametersChangedEventArgs = EParams<typeof events.SplitParametersChanged>

/// Function types
export type DEFAULT_ADMIN_ROLEParams = FunctionArguments<typeof functions.DEFAULT_ADMIN_ROLE>
export type DEFAULT_ADMIN_ROLEReturn = FunctionReturn<typeof functions.DEFAULT_ADMIN_ROLE>

export type DEPOSITOR_ROLEParams = FunctionArguments<typeof functions.DEPOSITOR_ROLE>
export type DEPOSITOR_ROLEReturn = FunctionReturn<typeof functions.DEPOSITOR_ROLE>

export type LEDGER_ROLEParams = FunctionArguments<typeof functions.LEDGER_ROLE>
export type LEDGER_ROLEReturn = FunctionReturn<typeof functions.LEDGER_ROLE>

export type SETTLER_ROLEParams = FunctionArguments<typeof functions.SETTLER_ROLE>
export type SETTLER_ROLEReturn = FunctionReturn<typeof functions.SETTLER_ROLE>

export type AccruedParams = FunctionArguments<typeof functions.accrued>
export type AccruedReturn = FunctionReturn<typeof functions.accrued>

export type ClaimParams = FunctionArguments<typeof functions.claim>
export type ClaimReturn = FunctionReturn<typeof functions.claim>

export type DepositParams = FunctionArguments<typeof functions.deposit>
export type DepositReturn = FunctionReturn<typeof functions.deposit>

export type DepositProtocolParams = FunctionArguments<typeof functions.depositProtocol>
export type DepositProtocolReturn = FunctionReturn<typeof functions.depositProtocol>

export type EscrowParams = FunctionArguments<typeof functions.escrow>
export type EscrowReturn = FunctionReturn<typeof functions.escrow>

export type ForfeitEscrowParams = FunctionArguments<typeof functions.forfeitEscrow>
export type ForfeitEscrowReturn = FunctionReturn<typeof functions.forfeitEscrow>

export type GetRoleAdminParams = FunctionArguments<typeof functions.getRoleAdmin>
export type GetRoleAdminReturn = FunctionReturn<typeof functions.getRoleAdmin>

export type GrantRoleParams = FunctionArguments<typeof functions.grantRole>
export type GrantRoleReturn = FunctionReturn<typeof functions.grantRole>

export type HasRoleParams = FunctionArguments<typeof functions.hasRole>
export type HasRoleReturn = FunctionReturn<typeof functions.hasRole>

export type ReleaseEscrowParams = FunctionArguments<typeof functions.releaseEscrow>
export type ReleaseEscrowReturn = FunctionReturn<typeof functions.releaseEscrow>

export type RenounceRoleParams = FunctionArguments<typeof functions.renounceRole>
export type RenounceRoleReturn = FunctionReturn<typeof functions.renounceRole>

export type RevokeRoleParams = FunctionArguments<typeof functions.revokeRole>
export type RevokeRoleReturn = FunctionReturn<typeof functions.revokeRole>

export type SetSplitParams = FunctionArguments<typeof functions.setSplit>
export type SetSplitReturn = FunctionReturn<typeof functions.setSplit>

export type SetTreasuryParams = FunctionArguments<typeof functions.setTreasury>
export type SetTreasuryReturn = FunctionReturn<typeof functions.setTreasury>

export type SplitParams = FunctionArguments<typeof functions.split>
export type SplitReturn = FunctionReturn<typeof functions.split>

export type SplitFeeParams = FunctionArguments<typeof functions.splitFee>
export type SplitFeeReturn = FunctionReturn<typeof functions.splitFee>

export type StakingParams = FunctionArguments<typeof functions.staking>
export type StakingReturn = FunctionReturn<typeof functions.staking>

export type SupportsInterfaceParams = FunctionArguments<typeof functions.supportsInterface>
export type SupportsInterfaceReturn = FunctionReturn<typeof functions.supportsInterface>

export type TreasuryParams = FunctionArguments<typeof functions.treasury>
export type TreasuryReturn = FunctionReturn<typeof functions.treasury>

