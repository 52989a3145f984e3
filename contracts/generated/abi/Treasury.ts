import * as p from '@subsquid/evm-codec'
import { event, fun, viewFun, indexed, ContractBase } from '@subsquid/evm-abi'
import type { EventParams as EParams, FunctionArguments, FunctionReturn } from '@subsquid/evm-abi'

export const events = {
    GrantPaid: event("0x1b887beda71b1313fbdc8e3ab9e036b03ba1e812da3c4bf1e9d563b9df5c3b75", "GrantPaid(uint256,address,uint256,uint8,uint256,string)", {"grantId": indexed(p.uint256), "recipient": indexed(p.address), "amount": p.uint256, "kind": p.uint8, "targetId": p.uint256, "memo": p.string}),
    Received: event("0x88a5966d370b9919b20f3e2c13ff65706f196a4e32cc2c12bf57088f88525874", "Received(address,uint256)", {"from": indexed(p.address), "amount": p.uint256}),
    RoleAdminChanged: event("0xbd79b86ffe0ab8e8776151514217cd7cacd52c909f66475c3af44e129f0b00ff", "RoleAdminChanged(bytes32,bytes32,bytes32)", {"role": indexed(p.bytes32), "previousAdminRole": indexed(p.bytes32), "newAdminRole": indexed(p.bytes32)}),
    RoleGranted: event("0x2f8788117e7eff1d82e926ec794901d17c78024a50270940304540a733656f0d", "RoleGranted(bytes32,address,address)", {"role": indexed(p.bytes32), "account": indexed(p.address), "sender": indexed(p.address)}),
    RoleRevoked: event("0xf6391f5c32d9c69d2a47ea670b442974b53935d1edc7fd64eb21e047a839171b", "RoleRevoked(bytes32,address,address)", {"role": indexed(p.bytes32), "account": indexed(p.address), "sender": indexed(p.address)}),
}

export const functions = {
    DEFAULT_ADMIN_ROLE: viewFun("0xa217fddf", "DEFAULT_ADMIN_ROLE()", {}, p.bytes32),
    GRANT_ACCOUNT: viewFun("0x8b594dff", "GRANT_ACCOUNT()", {}, p.uint8),
    GRANT_DATANET: viewFun("0x6949ee0d", "GRANT_DATANET()", {}, p.uint8),
    GRANT_MODEL: viewFun("0xdced562d", "GRANT_MODEL()", {}, p.uint8),
    collect: fun("0xe5225381", "collect()", {}, p.uint256),
    getRoleAdmin: viewFun("0x248a9ca3", "getRoleAdmin(bytes32)", {"role": p.bytes32}, p.bytes32),
    grantCount: viewFun("0xcab42672", "grantCount()", {}, p.uint256),
    grantRole: fun("0x2f2ff15d", "grantRole(bytes32,address)", {"role": p.bytes32, "account": p.address}, ),
    hasRole: viewFun("0x91d14854", "hasRole(bytes32,address)", {"role": p.bytes32, "account": p.address}, p.bool),
    payGrant: fun("0xcff51490", "payGrant(address,uint256,uint8,uint256,string)", {"recipient": p.address, "amount": p.uint256, "kind": p.uint8, "targetId": p.uint256, "memo": p.string}, p.uint256),
    renounceRole: fun("0x36568abe", "renounceRole(bytes32,address)", {"role": p.bytes32, "callerConfirmation": p.address}, ),
    revokeRole: fun("0xd547741f", "revokeRole(bytes32,address)", {"role": p.bytes32, "account": p.address}, ),
    rewardDistributor: viewFun("0xacc2166a", "rewardDistributor()", {}, p.address),
    supportsInterface: viewFun("0x01ffc9a7", "supportsInterface(bytes4)", {"interfaceId": p.bytes4}, p.bool),
}

export class Contract extends ContractBase {

    DEFAULT_ADMIN_ROLE() {
        return this.eth_call(functions.DEFAULT_ADMIN_ROLE, {})
    }

    GRANT_ACCOUNT() {
        return this.eth_call(functions.GRANT_ACCOUNT, {})
    }

    GRANT_DATANET() {
        return this.eth_call(functions.GRANT_DATANET, {})
    }

    GRANT_MODEL() {
        return this.eth_call(functions.GRANT_MODEL, {})
    }

    getRoleAdmin(role: GetRoleAdminParams["role"]) {
        return this.eth_call(functions.getRoleAdmin, {role})
    }

    grantCount() {
        return this.eth_call(functions.grantCount, {})
    }

    hasRole(role: HasRoleParams["role"], account: HasRoleParams["account"]) {
        return this.eth_call(functions.hasRole, {role, account})
    }

    rewardDistributor() {
        return this.eth_call(functions.rewardDistributor, {})
    }

    supportsInterface(interfaceId: SupportsInterfaceParams["interfaceId"]) {
        return this.eth_call(functions.supportsInterface, {interfaceId})
    }
}

/// Event types
export type GrantPaidEventArgs = EParams<typeof events.GrantPaid>
export type ReceivedEventArgs = EParams<typeof events.Received>
export type RoleAdminChangedEventArgs = EParams<typeof events.RoleAdminChanged>
export type RoleGrantedEventArgs = EParams<typeof events.RoleGranted>
export type RoleRevokedEventArgs = EParams<typeof events.RoleRevoked>

/// Function types
export type DEFAULT_ADMIN_ROLEParams = FunctionArguments<typeof functions.DEFAULT_ADMIN_ROLE>
export type DEFAULT_ADMIN_ROLEReturn = FunctionReturn<typeof functions.DEFAULT_ADMIN_ROLE>

export type GRANT_ACCOUNTParams = FunctionArguments<typeof functions.GRANT_ACCOUNT>
export type GRANT_ACCOUNTReturn = FunctionReturn<typeof functions.GRANT_ACCOUNT>

export type GRANT_DATANETParams = FunctionArguments<typeof functions.GRANT_DATANET>
export type GRANT_DATANETReturn = FunctionReturn<typeof functions.GRANT_DATANET>

export type GRANT_MODELParams = FunctionArguments<typeof functions.GRANT_MODEL>
export type GRANT_MODELReturn = FunctionReturn<typeof functions.GRANT_MODEL>

export type CollectParams = FunctionArguments<typeof functions.collect>
export type CollectReturn = FunctionReturn<typeof functions.collect>

export type GetRoleAdminParams = FunctionArguments<typeof functions.getRoleAdmin>
export type GetRoleAdminReturn = FunctionReturn<typeof functions.getRoleAdmin>

export type GrantCountParams = FunctionArguments<typeof functions.grantCount>
export type GrantCountReturn = FunctionReturn<typeof functions.grantCount>

export type GrantRoleParams = FunctionArguments<typeof functions.grantRole>
export type GrantRoleReturn = FunctionReturn<typeof functions.grantRole>

export type HasRoleParams = FunctionArguments<typeof functions.hasRole>
export type HasRoleReturn = FunctionReturn<typeof functions.hasRole>

export type PayGrantParams = FunctionArguments<typeof functions.payGrant>
export type PayGrantReturn = FunctionReturn<typeof functions.payGrant>

export type RenounceRoleParams = FunctionArguments<typeof functions.renounceRole>
export type RenounceRoleReturn = FunctionReturn<typeof functions.renounceRole>

export type RevokeRoleParams = FunctionArguments<typeof functions.revokeRole>
export type RevokeRoleReturn = FunctionReturn<typeof functions.revokeRole>

export type RewardDistributorParams = FunctionArguments<typeof functions.rewardDistributor>
export type RewardDistributorReturn = FunctionReturn<typeof functions.rewardDistributor>

export type SupportsInterfaceParams = FunctionArguments<typeof functions.supportsInterface>
export type SupportsInterfaceReturn = FunctionReturn<typeof functions.supportsInterface>

