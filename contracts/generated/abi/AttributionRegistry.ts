import * as p from '@subsquid/evm-codec'
import { event, fun, viewFun, indexed, ContractBase } from '@subsquid/evm-abi'
import type { EventParams as EParams, FunctionArguments, FunctionReturn } from '@subsquid/evm-abi'

export const events = {
    AttributionDisputed: event("0xcc1a7654e8e52b129afda4ed77af882c9e08ddd5cf5fb7e4f9a2fe4d896f12fa", "AttributionDisputed(uint256,uint256,address,bytes32,uint256)", {"disputeId": indexed(p.uint256), "attributionId": indexed(p.uint256), "challenger": indexed(p.address), "evidenceHash": p.bytes32, "bond": p.uint256}),
    AttributionPosted: event("0x3494ca6e888aee0a6607fdd4affa68a20d26420f918b8f4f8e9fdbbd1edc5c79", "AttributionPosted(uint256,uint256,address,string,bytes32,bytes32,string)", {"attributionId": indexed(p.uint256), "inferenceId": indexed(p.uint256), "poster": indexed(p.address), "method": p.string, "paramsHash": p.bytes32, "resultHash": p.bytes32, "resultURI": p.string}),
    AttributionSettled: event("0x1175356f865dcda42a813c2898910561047a6a50add5d26412895fb0e501b015", "AttributionSettled(uint256,bool,uint256)", {"attributionId": indexed(p.uint256), "paid": p.bool, "amount": p.uint256}),
    AttributionShare: event("0x33501f81fefebd1280526504bf40acc367a21d892c8616dd63873adf4f881c04", "AttributionShare(uint256,uint256,uint32,int256)", {"attributionId": indexed(p.uint256), "contributionId": indexed(p.uint256), "weightPpm": p.uint32, "score": p.int256}),
    DisputeResolved: event("0x5add0b1fc2a3dfd95be33d1d5feb6709087e50213b7a73c3c3b2c387001221e7", "DisputeResolved(uint256,bool,uint256)", {"disputeId": indexed(p.uint256), "upheld": p.bool, "slashed": p.uint256}),
    MethodRuleSet: event("0x28ffd0a5510ef9e7969e4b4c1e0b0438a62aabafd49a40d8cebf637449b1a315", "MethodRuleSet(bytes32,string,bool,bytes32)", {"methodKey": indexed(p.bytes32), "method": p.string, "allowed": p.bool, "paramsHash": p.bytes32}),
    ParameterChanged: event("0x9b900726daef362ccb7ef4037118922e973973109c4d10b5c19277bddd59e048", "ParameterChanged(bytes32,uint256)", {"name": indexed(p.bytes32), "value": p.uint256}),
    RoleAdminChanged: event("0xbd79b86ffe0ab8e8776151514217cd7cacd52c909f66475c3af44e129f0b00ff", "RoleAdminChanged(bytes32,bytes32,bytes32)", {"role": indexed(p.bytes32), "previousAdminRole": indexed(p.bytes32), "newAdminRole": indexed(p.bytes32)}),
    RoleGranted: event("0x2f8788117e7eff1d82e926ec794901d17c78024a50270940304540a733656f0d", "RoleGranted(bytes32,address,address)", {"role": indexed(p.bytes32), "account": indexed(p.address), "sender": indexed(p.address)}),
    RoleRevoked: event("0xf6391f5c32d9c69d2a47ea670b442974b53935d1edc7fd64eb21e047a839171b", "RoleRevoked(bytes32,address,address)", {"role": indexed(p.bytes32), "account": indexed(p.address), "sender": indexed(p.address)}),
}

export const functions = {
    ARBITER_ROLE: viewFun("0x4d104adf", "ARBITER_ROLE()", {}, p.bytes32),
    DEFAULT_ADMIN_ROLE: viewFun("0xa217fddf", "DEFAULT_ADMIN_ROLE()", {}, p.bytes32),
    MAX_K: viewFun("0x3e4c6ab0", "MAX_K()", {}, p.uint256),
    MAX_METHOD_BYTES: viewFun("0xaa80dee7", "MAX_METHOD_BYTES()", {}, p.uint256),
    POSTER_ROLE: viewFun("0xd1c92d2c", "POSTER_ROLE()", {}, p.bytes32),
    attributionCount: viewFun("0x4bbc853f", "attributionCount()", {}, p.uint256),
    attributionOf: viewFun("0x84c07853", "attributionOf(uint256)", {"_0": p.uint256}, p.uint256),
    challengeWindow: viewFun("0x861a1412", "challengeWindow()", {}, p.uint64),
    datanets: viewFun("0xea7fd377", "datanets()", {}, p.address),
    disputeAttribution: fun("0xe2a99205", "disputeAttribution(uint256,bytes32)", {"attributionId": p.uint256, "evidenceHash": p.bytes32}, p.uint256),
    disputeCount: viewFun("0xa28889e1", "disputeCount()", {}, p.uint256),
    disputes: viewFun("0x564a565d", "disputes(uint256)", {"_0": p.uint256}, {"attributionId": p.uint256, "challenger": p.address, "bond": p.uint256, "open": p.bool}),
    distributor: viewFun("0xbfe10928", "distributor()", {}, p.address),
    getAttribution: viewFun("0xb2daffdd", "getAttribution(uint256)", {"attributionId": p.uint256}, {"inferenceId": p.uint256, "poster": p.address, "postedAt": p.uint64, "state": p.uint8, "contributors": p.array(p.address), "weightsPpm": p.array(p.uint32)}),
    getRoleAdmin: viewFun("0x248a9ca3", "getRoleAdmin(bytes32)", {"role": p.bytes32}, p.bytes32),
    grantRole: fun("0x2f2ff15d", "grantRole(bytes32,address)", {"role": p.bytes32, "account": p.address}, ),
    hasRole: viewFun("0x91d14854", "hasRole(bytes32,address)", {"role": p.bytes32, "account": p.address}, p.bool),
    inferences: viewFun("0xabfe5122", "inferences()", {}, p.address),
    isMethodAllowed: viewFun("0x9eb0e379", "isMethodAllowed(string)", {"method": p.string}, p.bool),
    methodRules: viewFun("0x2352f966", "methodRules(bytes32)", {"_0": p.bytes32}, {"allowed": p.bool, "paramsHash": p.bytes32}),
    minBond: viewFun("0x831518b7", "minBond()", {}, p.uint256),
    openDisputeOf: viewFun("0x68358633", "openDisputeOf(uint256)", {"_0": p.uint256}, p.uint256),
    postAttribution: fun("0x77b0d53e", "postAttribution((uint256,string,bytes32,bytes32,string,uint256[],uint32[],int256[]))", {"p": p.struct({"inferenceId": p.uint256, "method": p.string, "paramsHash": p.bytes32, "resultHash": p.bytes32, "resultURI": p.string, "contributionIds": p.array(p.uint256), "weightsPpm": p.array(p.uint32), "scores": p.array(p.int256)})}, p.uint256),
    postAttributions: fun("0x42a0a821", "postAttributions((uint256,string,bytes32,bytes32,string,uint256[],uint32[],int256[])[])", {"ps": p.array(p.struct({"inferenceId": p.uint256, "method": p.string, "paramsHash": p.bytes32, "resultHash": p.bytes32, "resultURI": p.string, "contributionIds": p.array(p.uint256), "weightsPpm": p.array(p.uint32), "scores": p.array(p.int256)}))}, p.uint256),
    renounceRole: fun("0x36568abe", "renounceRole(bytes32,address)", {"role": p.bytes32, "callerConfirmation": p.address}, ),
    resolveDispute: fun("0x34b25ee2", "resolveDispute(uint256,bool)", {"disputeId": p.uint256, "upheld": p.bool}, ),
    revokeRole: fun("0xd547741f", "revokeRole(bytes32,address)", {"role": p.bytes32, "account": p.address}, ),
    setMethod: fun("0x6e552bc3", "setMethod(string,bool,bytes32)", {"method": p.string, "allowed": p.bool, "paramsHash": p.bytes32}, ),
    setParameters: fun("0xc8c50553", "setParameters(uint64,uint256,uint256)", {"window": p.uint64, "bond": p.uint256, "slash": p.uint256}, ),
    settle: fun("0x8df82800", "settle(uint256)", {"attributionId": p.uint256}, ),
    settleMany: fun("0x5ba3107b", "settleMany(uint256[])", {"attributionIds": p.array(p.uint256)}, p.uint256),
    slashAmount: viewFun("0x8802834e", "slashAmount()", {}, p.uint256),
    staking: viewFun("0x4cf088d9", "staking()", {}, p.address),
    supportsInterface: viewFun("0x01ffc9a7", "supportsInterface(bytes4)", {"interfaceId": p.bytes4}, p.bool),
}

export class Contract extends ContractBase {

    ARBITER_ROLE() {
        return this.eth_call(functions.ARBITER_ROLE, {})
    }

    DEFAULT_ADMIN_ROLE() {
        return this.eth_call(functions.DEFAULT_ADMIN_ROLE, {})
    }

    MAX_K() {
        return this.eth_call(functions.MAX_K, {})
    }

    MAX_METHOD_BYTES() {
        return this.eth_call(functions.MAX_METHOD_BYTES, {})
    }

    POSTER_ROLE() {
        return this.eth_call(functions.POSTER_ROLE, {})
    }

    attributionCount() {
        return this.eth_call(functions.attributionCount, {})
    }

    attributionOf(_0: AttributionOfParams["_0"]) {
        return this.eth_call(functions.attributionOf, {_0})
    }

    challengeWindow() {
        return this.eth_call(functions.challengeWindow, {})
    }

    datanets() {
        return this.eth_call(functions.datanets, {})
    }

    disputeCount() {
        return this.eth_call(functions.disputeCount, {})
    }

    disputes(_0: DisputesParams["_0"]) {
        return this.eth_call(functions.disputes, {_0})
    }

    distributor() {
        return this.eth_call(functions.distributor, {})
    }

    getAttribution(attributionId: GetAttributionParams["attributionId"]) {
        return this.eth_call(functions.getAttribution, {attributionId})
    }

    getRoleAdmin(role: GetRoleAdminParams["role"]) {
        return this.eth_call(functions.getRoleAdmin, {role})
    }

    hasRole(role: HasRoleParams["role"], account: HasRoleParams["account"]) {
        return this.eth_call(functions.hasRole, {role, account})
    }

    inferences() {
        return this.eth_call(functions.inferences, {})
    }

    isMethodAllowed(method: IsMethodAllowedParams["method"]) {
        return this.eth_call(functions.isMethodAllowed, {method})
    }

    methodRules(_0: MethodRulesParams["_0"]) {
        return this.eth_call(functions.methodRules, {_0})
    }

    minBond() {
        return this.eth_call(functions.minBond, {})
    }

    openDisputeOf(_0: OpenDisputeOfParams["_0"]) {
        return this.eth_call(functions.openDisputeOf, {_0})
    }

    slashAmount() {
        return this.eth_call(functions.slashAmount, {})
    }

    staking() {
        return this.eth_call(functions.staking, {})
    }

    supportsInterface(interfaceId: SupportsInterfaceParams["interfaceId"]) {
        return this.eth_call(functions.supportsInterface, {interfaceId})
    }
}

/// Event types
export type AttributionDisputedEventArgs = EParams<typeof events.AttributionDisputed>
export type AttributionPostedEventArgs = EParams<typeof events.AttributionPosted>
export type AttributionSettledEventArgs = EParams<typeof events.AttributionSettled>
export type AttributionShareEventArgs = EParams<typeof events.AttributionShare>
export type DisputeResolvedEventArgs = EParams<typeof events.DisputeResolved>
export type MethodRuleSetEventArgs = EParams<typeof events.MethodRuleSet>
export type ParameterChangedEventArgs = EParams<typeof events.ParameterChanged>
export type RoleAdminChangedEventArgs = EParams<typeof events.RoleAdminChanged>
export type RoleGrantedEventArgs = EParams<typeof events.RoleGranted>
export type RoleRevokedEventArgs = EParams<typeof events.RoleRevoked>

/// Function types
export type ARBITER_ROLEParams = FunctionArguments<typeof functions.ARBITER_ROLE>
export type ARBITER_ROLEReturn = FunctionReturn<typeof functions.ARBITER_ROLE>

export type DEFAULT_ADMIN_ROLEParams = FunctionArguments<typeof functions.DEFAULT_ADMIN_ROLE>
export type DEFAULT_ADMIN_ROLEReturn = FunctionReturn<typeof functions.DEFAULT_ADMIN_ROLE>

export type MAX_KParams = FunctionArguments<typeof functions.MAX_K>
export type MAX_KReturn = FunctionReturn<typeof functions.MAX_K>

export type MAX_METHOD_BYTESParams = FunctionArguments<typeof functions.MAX_METHOD_BYTES>
export type MAX_METHOD_BYTESReturn = FunctionReturn<typeof functions.MAX_METHOD_BYTES>

export type POSTER_ROLEParams = FunctionArguments<typeof functions.POSTER_ROLE>
export type POSTER_ROLEReturn = FunctionReturn<typeof functions.POSTER_ROLE>

export type AttributionCountParams = FunctionArguments<typeof functions.attributionCount>
export type AttributionCountReturn = FunctionReturn<typeof functions.attributionCount>

export type AttributionOfParams = FunctionArguments<typeof functions.attributionOf>
export type AttributionOfReturn = FunctionReturn<typeof functions.attributionOf>

export type ChallengeWindowParams = FunctionArguments<typeof functions.challengeWindow>
export type ChallengeWindowReturn = FunctionReturn<typeof functions.challengeWindow>

export type DatanetsParams = FunctionArguments<typeof functions.datanets>
export type DatanetsReturn = FunctionReturn<typeof functions.datanets>

export type DisputeAttributionParams = FunctionArguments<typeof functions.disputeAttribution>
export type DisputeAttributionReturn = FunctionReturn<typeof functions.disputeAttribution>

export type DisputeCountParams = FunctionArguments<typeof functions.disputeCount>
export type DisputeCountReturn = FunctionReturn<typeof functions.disputeCount>

export type DisputesParams = FunctionArguments<typeof functions.disputes>
export type DisputesReturn = FunctionReturn<typeof functions.disputes>

export type DistributorParams = FunctionArguments<typeof functions.distributor>
export type DistributorReturn = FunctionReturn<typeof functions.distributor>

export type GetAttributionParams = FunctionArguments<typeof functions.getAttribution>
export type GetAttributionReturn = FunctionReturn<typeof functions.getAttribution>

export type GetRoleAdminParams = FunctionArguments<typeof functions.getRoleAdmin>
export type GetRoleAdminReturn = FunctionReturn<typeof functions.getRoleAdmin>

export type GrantRoleParams = FunctionArguments<typeof functions.grantRole>
export type GrantRoleReturn = FunctionReturn<typeof functions.grantRole>

export type HasRoleParams = FunctionArguments<typeof functions.hasRole>
export type HasRoleReturn = FunctionReturn<typeof functions.hasRole>

export type InferencesParams = FunctionArguments<typeof functions.inferences>
export type InferencesReturn = FunctionReturn<typeof functions.inferences>

export type IsMethodAllowedParams = FunctionArguments<typeof functions.isMethodAllowed>
export type IsMethodAllowedReturn = FunctionReturn<typeof functions.isMethodAllowed>

export type MethodRulesParams = FunctionArguments<typeof functions.methodRules>
export type MethodRulesReturn = FunctionReturn<typeof functions.methodRules>

export type MinBondParams = FunctionArguments<typeof functions.minBond>
export type MinBondReturn = FunctionReturn<typeof functions.minBond>

export type OpenDisputeOfParams = FunctionArguments<typeof functions.openDisputeOf>
export type OpenDisputeOfReturn = FunctionReturn<typeof functions.openDisputeOf>

export type PostAttributionParams = FunctionArguments<typeof functions.postAttribution>
export type PostAttributionReturn = FunctionReturn<typeof functions.postAttribution>

export type PostAttributionsParams = FunctionArguments<typeof functions.postAttributions>
export type PostAttributionsReturn = FunctionReturn<typeof functions.postAttributions>

export type RenounceRoleParams = FunctionArguments<typeof functions.renounceRole>
export type RenounceRoleReturn = FunctionReturn<typeof functions.renounceRole>

export type ResolveDisputeParams = FunctionArguments<typeof functions.resolveDispute>
export type ResolveDisputeReturn = FunctionReturn<typeof functions.resolveDispute>

export type RevokeRoleParams = FunctionArguments<typeof functions.revokeRole>
export type RevokeRoleReturn = FunctionReturn<typeof functions.revokeRole>

export type SetMethodParams = FunctionArguments<typeof functions.setMethod>
export type SetMethodReturn = FunctionReturn<typeof functions.setMethod>

export type SetParametersParams = FunctionArguments<typeof functions.setParameters>
export type SetParametersReturn = FunctionReturn<typeof functions.setParameters>

export type SettleParams = FunctionArguments<typeof functions.settle>
export type SettleReturn = FunctionReturn<typeof functions.settle>

export type SettleManyParams = FunctionArguments<typeof functions.settleMany>
export type SettleManyReturn = FunctionReturn<typeof functions.settleMany>

export type SlashAmountParams = FunctionArguments<typeof functions.slashAmount>
export type SlashAmountReturn = FunctionReturn<typeof functions.slashAmount>

export type StakingParams = FunctionArguments<typeof functions.staking>
export type StakingReturn = FunctionReturn<typeof functions.staking>

export type SupportsInterfaceParams = FunctionArguments<typeof functions.supportsInterface>
export type SupportsInterfaceReturn = FunctionReturn<typeof functions.supportsInterface>

