import * as p from '@subsquid/evm-codec'
import { event, fun, viewFun, indexed, ContractBase } from '@subsquid/evm-abi'
import type { EventParams as EParams, FunctionArguments, FunctionReturn } from '@subsquid/evm-abi'

export const events = {
    ComputeAttested: event("0x3303af84e79992bc8f472ad4eaa598e1aebf5bb05f431b56e9eb1bcc7d1eb421", "ComputeAttested(address,uint256,uint8,bytes32,bytes32)", {"provider": indexed(p.address), "taskId": indexed(p.uint256), "kind": p.uint8, "taskHash": p.bytes32, "resultHash": p.bytes32}),
    ProviderApprovalSet: event("0xf2d7907ae580541cc76884731ac9c57142def021a243c83e40a3dc748ec78740", "ProviderApprovalSet(address,bool)", {"provider": indexed(p.address), "approved": p.bool}),
    ProviderRegistered: event("0x5a07a542cf40add1930d480ccf3ddfbb3a9684912d850afec36c9f6b3dab57fc", "ProviderRegistered(address,string,uint256)", {"provider": indexed(p.address), "endpointURI": p.string, "stake": p.uint256}),
    RoleAdminChanged: event("0xbd79b86ffe0ab8e8776151514217cd7cacd52c909f66475c3af44e129f0b00ff", "RoleAdminChanged(bytes32,bytes32,bytes32)", {"role": indexed(p.bytes32), "previousAdminRole": indexed(p.bytes32), "newAdminRole": indexed(p.bytes32)}),
    RoleGranted: event("0x2f8788117e7eff1d82e926ec794901d17c78024a50270940304540a733656f0d", "RoleGranted(bytes32,address,address)", {"role": indexed(p.bytes32), "account": indexed(p.address), "sender": indexed(p.address)}),
    RoleRevoked: event("0xf6391f5c32d9c69d2a47ea670b442974b53935d1edc7fd64eb21e047a839171b", "RoleRevoked(bytes32,address,address)", {"role": indexed(p.bytes32), "account": indexed(p.address), "sender": indexed(p.address)}),
}

export const functions = {
    DEFAULT_ADMIN_ROLE: viewFun("0xa217fddf", "DEFAULT_ADMIN_ROLE()", {}, p.bytes32),
    attest: fun("0x72571972", "attest(uint256,uint8,bytes32,bytes32)", {"taskId": p.uint256, "kind": p.uint8, "taskHash": p.bytes32, "resultHash": p.bytes32}, ),
    attestBatch: fun("0xc4abd7e2", "attestBatch(uint256[],uint8[],bytes32[],bytes32[])", {"taskIds": p.array(p.uint256), "kinds": p.array(p.uint8), "taskHashes": p.array(p.bytes32), "resultHashes": p.array(p.bytes32)}, ),
    endpointOf: viewFun("0x4b893642", "endpointOf(address)", {"_0": p.address}, p.string),
    getRoleAdmin: viewFun("0x248a9ca3", "getRoleAdmin(bytes32)", {"role": p.bytes32}, p.bytes32),
    grantRole: fun("0x2f2ff15d", "grantRole(bytes32,address)", {"role": p.bytes32, "account": p.address}, ),
    hasRole: viewFun("0x91d14854", "hasRole(bytes32,address)", {"role": p.bytes32, "account": p.address}, p.bool),
    isApproved: viewFun("0x673448dd", "isApproved(address)", {"_0": p.address}, p.bool),
    isProvider: viewFun("0x6b074a07", "isProvider(address)", {"account": p.address}, p.bool),
    isRegistered: viewFun("0xc3c5a547", "isRegistered(address)", {"_0": p.address}, p.bool),
    registerProvider: fun("0xd9ac4022", "registerProvider(string)", {"endpointURI": p.string}, ),
    renounceRole: fun("0x36568abe", "renounceRole(bytes32,address)", {"role": p.bytes32, "callerConfirmation": p.address}, ),
    revokeRole: fun("0xd547741f", "revokeRole(bytes32,address)", {"role": p.bytes32, "account": p.address}, ),
    setProviderApproval: fun("0xb7416ff5", "setProviderApproval(address,bool)", {"provider": p.address, "approved": p.bool}, ),
    staking: viewFun("0x4cf088d9", "staking()", {}, p.address),
    supportsInterface: viewFun("0x01ffc9a7", "supportsInterface(bytes4)", {"interfaceId": p.bytes4}, p.bool),
}

export class Contract extends ContractBase {

    DEFAULT_ADMIN_ROLE() {
        return this.eth_call(functions.DEFAULT_ADMIN_ROLE, {})
    }

    endpointOf(_0: EndpointOfParams["_0"]) {
        return this.eth_call(functions.endpointOf, {_0})
    }

    getRoleAdmin(role: GetRoleAdminParams["role"]) {
        return this.eth_call(functions.getRoleAdmin, {role})
    }

    hasRole(role: HasRoleParams["role"], account: HasRoleParams["account"]) {
        return this.eth_call(functions.hasRole, {role, account})
    }

    isApproved(_0: IsApprovedParams["_0"]) {
        return this.eth_call(functions.isApproved, {_0})
    }

    isProvider(account: IsProviderParams["account"]) {
        return this.eth_call(functions.isProvider, {account})
    }

    isRegistered(_0: IsRegisteredParams["_0"]) {
        return this.eth_call(functions.isRegistered, {_0})
    }

    staking() {
        return this.eth_call(functions.staking, {})
    }

    supportsInterface(interfaceId: SupportsInterfaceParams["interfaceId"]) {
        return this.eth_call(functions.supportsInterface, {interfaceId})
    }
}

/// Event types
export type ComputeAttestedEventArgs = EParams<typeof events.ComputeAttested>
export type ProviderApprovalSetEventArgs = EParams<typeof events.ProviderApprovalSet>
export type ProviderRegisteredEventArgs = EParams<typeof events.ProviderRegistered>
export type RoleAdminChangedEventArgs = EParams<typeof events.RoleAdminChanged>
export type RoleGrantedEventArgs = EParams<typeof events.RoleGranted>
export type RoleRevokedEventArgs = EParams<typeof events.RoleRevoked>

/// Function types
export type DEFAULT_ADMIN_ROLEParams = FunctionArguments<typeof functions.DEFAULT_ADMIN_ROLE>
export type DEFAULT_ADMIN_ROLEReturn = FunctionReturn<typeof functions.DEFAULT_ADMIN_ROLE>

export type AttestParams = FunctionArguments<typeof functions.attest>
export type AttestReturn = FunctionReturn<typeof functions.attest>

export type AttestBatchParams = FunctionArguments<typeof functions.attestBatch>
export type AttestBatchReturn = FunctionReturn<typeof functions.attestBatch>

export type EndpointOfParams = FunctionArguments<typeof functions.endpointOf>
export type EndpointOfReturn = FunctionReturn<typeof functions.endpointOf>

export type GetRoleAdminParams = FunctionArguments<typeof functions.getRoleAdmin>
export type GetRoleAdminReturn = FunctionReturn<typeof functions.getRoleAdmin>

export type GrantRoleParams = FunctionArguments<typeof functions.grantRole>
export type GrantRoleReturn = FunctionReturn<typeof functions.grantRole>

export type HasRoleParams = FunctionArguments<typeof functions.hasRole>
export type HasRoleReturn = FunctionReturn<typeof functions.hasRole>

export type IsApprovedParams = FunctionArguments<typeof functions.isApproved>
export type IsApprovedReturn = FunctionReturn<typeof functions.isApproved>

export type IsProviderParams = FunctionArguments<typeof functions.isProvider>
export type IsProviderReturn = FunctionReturn<typeof functions.isProvider>

export type IsRegisteredParams = FunctionArguments<typeof functions.isRegistered>
export type IsRegisteredReturn = FunctionReturn<typeof functions.isRegistered>

export type RegisterProviderParams = FunctionArguments<typeof functions.registerProvider>
export type RegisterProviderReturn = FunctionReturn<typeof functions.registerProvider>

export type RenounceRoleParams = FunctionArguments<typeof functions.renounceRole>
export type RenounceRoleReturn = FunctionReturn<typeof functions.renounceRole>

export type RevokeRoleParams = FunctionArguments<typeof functions.revokeRole>
export type RevokeRoleReturn = FunctionReturn<typeof functions.revokeRole>

export type SetProviderApprovalParams = FunctionArguments<typeof functions.setProviderApproval>
export type SetProviderApprovalReturn = FunctionReturn<typeof functions.setProviderApproval>

export type StakingParams = FunctionArguments<typeof functions.staking>
export type StakingReturn = FunctionReturn<typeof functions.staking>

export type SupportsInterfaceParams = FunctionArguments<typeof functions.supportsInterface>
export type SupportsInterfaceReturn = FunctionReturn<typeof functions.supportsInterface>

