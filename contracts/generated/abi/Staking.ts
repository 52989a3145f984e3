import * as p from '@subsquid/evm-codec'
import { event, fun, viewFun, indexed, ContractBase } from '@subsquid/evm-abi'
import type { EventParams as EParams, FunctionArguments, FunctionReturn } from '@subsquid/evm-abi'

export const events = {
    DelegateChanged: event("0x3134e8a2e6d97e929a7e54011ea5485d7d196dd5f0ba4d4ef95803e8e3fc257f", "DelegateChanged(address,address,address)", {"delegator": indexed(p.address), "fromDelegate": indexed(p.address), "toDelegate": indexed(p.address)}),
    DelegateVotesChanged: event("0xdec2bacdd2f05b59de34da9b523dff8be42e5e38e818c82fdb0bae774387a724", "DelegateVotesChanged(address,uint256,uint256)", {"delegate": indexed(p.address), "previousVotes": p.uint256, "newVotes": p.uint256}),
    EIP712DomainChanged: event("0x0a6387c9ea3628b88a633bb4f3b151770f70085117a15f9bf3787cda53f13d31", "EIP712DomainChanged()", {}),
    ParameterChanged: event("0x9b900726daef362ccb7ef4037118922e973973109c4d10b5c19277bddd59e048", "ParameterChanged(bytes32,uint256)", {"name": indexed(p.bytes32), "value": p.uint256}),
    RoleAdminChanged: event("0xbd79b86ffe0ab8e8776151514217cd7cacd52c909f66475c3af44e129f0b00ff", "RoleAdminChanged(bytes32,bytes32,bytes32)", {"role": indexed(p.bytes32), "previousAdminRole": indexed(p.bytes32), "newAdminRole": indexed(p.bytes32)}),
    RoleGranted: event("0x2f8788117e7eff1d82e926ec794901d17c78024a50270940304540a733656f0d", "RoleGranted(bytes32,address,address)", {"role": indexed(p.bytes32), "account": indexed(p.address), "sender": indexed(p.address)}),
    RoleRevoked: event("0xf6391f5c32d9c69d2a47ea670b442974b53935d1edc7fd64eb21e047a839171b", "RoleRevoked(bytes32,address,address)", {"role": indexed(p.bytes32), "account": indexed(p.address), "sender": indexed(p.address)}),
    Slashed: event("0x0c52a35355ee4ed3a7afb28c00c16f5ead8b01e0bf3af34e46930f7e1bbd931f", "Slashed(address,uint256,string,address)", {"account": indexed(p.address), "amount": p.uint256, "reason": p.string, "by": indexed(p.address)}),
    Staked: event("0x1449c6dd7851abc30abf37f57715f492010519147cc2652fbc38202c18a6ee90", "Staked(address,uint256,uint256)", {"account": indexed(p.address), "amount": p.uint256, "totalStake": p.uint256}),
    UnstakeRequested: event("0x21020437c0e4b58b34bd7ac1f1cef55e7820d1bcd93824ceb273cad96eea704c", "UnstakeRequested(address,uint256,uint64)", {"account": indexed(p.address), "amount": p.uint256, "availableAt": p.uint64}),
    Unstaked: event("0x0f5bb82176feb1b5e747e28471aa92156a04d9f3ab9f45f28e2d704232b93f75", "Unstaked(address,uint256)", {"account": indexed(p.address), "amount": p.uint256}),
}

export const functions = {
    CLOCK_MODE: viewFun("0x4bf5d7e9", "CLOCK_MODE()", {}, p.string),
    DEFAULT_ADMIN_ROLE: viewFun("0xa217fddf", "DEFAULT_ADMIN_ROLE()", {}, p.bytes32),
    DISTRIBUTOR_ROLE: viewFun("0xf0bd87cc", "DISTRIBUTOR_ROLE()", {}, p.bytes32),
    SLASHER_ROLE: viewFun("0x5095af64", "SLASHER_ROLE()", {}, p.bytes32),
    accRewardPerShare: viewFun("0x939d6237", "accRewardPerShare()", {}, p.uint256),
    clock: viewFun("0x91ddadf4", "clock()", {}, p.uint48),
    delegate: fun("0x5c19a95c", "delegate(address)", {"delegatee": p.address}, ),
    delegateBySig: fun("0xc3cda520", "delegateBySig(address,uint256,uint256,uint8,bytes32,bytes32)", {"delegatee": p.address, "nonce": p.uint256, "expiry": p.uint256, "v": p.uint8, "r": p.bytes32, "s": p.bytes32}, ),
    delegates: viewFun("0x587cde1e", "delegates(address)", {"account": p.address}, p.address),
    distribute: fun("0xe4fc6b6d", "distribute()", {}, ),
    eip712Domain: viewFun("0x84b0196e", "eip712Domain()", {}, {"fields": p.bytes1, "name": p.string, "version": p.string, "chainId": p.uint256, "verifyingContract": p.address, "salt": p.bytes32, "extensions": p.array(p.uint256)}),
    getPastTotalSupply: viewFun("0x8e539e8c", "getPastTotalSupply(uint256)", {"timepoint": p.uint256}, p.uint256),
    getPastVotes: viewFun("0x3a46b1a8", "getPastVotes(address,uint256)", {"account": p.address, "timepoint": p.uint256}, p.uint256),
    getRoleAdmin: viewFun("0x248a9ca3", "getRoleAdmin(bytes32)", {"role": p.bytes32}, p.bytes32),
    getVotes: viewFun("0x9ab24eb0", "getVotes(address)", {"account": p.address}, p.uint256),
    grantRole: fun("0x2f2ff15d", "grantRole(bytes32,address)", {"role": p.bytes32, "account": p.address}, ),
    harvest: fun("0x4641257d", "harvest()", {}, ),
    hasRole: viewFun("0x91d14854", "hasRole(bytes32,address)", {"role": p.bytes32, "account": p.address}, p.bool),
    minPosterStake: viewFun("0x435dc05f", "minPosterStake()", {}, p.uint256),
    minProviderStake: viewFun("0x409af248", "minProviderStake()", {}, p.uint256),
    nonces: viewFun("0x7ecebe00", "nonces(address)", {"owner": p.address}, p.uint256),
    pendingReward: viewFun("0xf40f0f52", "pendingReward(address)", {"account": p.address}, p.uint256),
    pendingUnstake: viewFun("0x56d6ea4f", "pendingUnstake(address)", {"_0": p.address}, {"amount": p.uint256, "availableAt": p.uint64}),
    renounceRole: fun("0x36568abe", "renounceRole(bytes32,address)", {"role": p.bytes32, "callerConfirmation": p.address}, ),
    requestUnstake: fun("0x23095721", "requestUnstake(uint256)", {"amount": p.uint256}, ),
    revokeRole: fun("0xd547741f", "revokeRole(bytes32,address)", {"role": p.bytes32, "account": p.address}, ),
    rewardDistributor: viewFun("0xacc2166a", "rewardDistributor()", {}, p.address),
    setMinimums: fun("0xd35efe29", "setMinimums(uint256,uint256,uint64)", {"poster": p.uint256, "provider": p.uint256, "cooldown": p.uint64}, ),
    setRewardDistributor: fun("0xa1809b95", "setRewardDistributor(address)", {"distributor": p.address}, ),
    slash: fun("0x678b3ee2", "slash(address,uint256,string)", {"account": p.address, "amount": p.uint256, "reason": p.string}, p.uint256),
    stake: fun("0x3a4b66f1", "stake()", {}, ),
    stakeFor: fun("0x4bf69206", "stakeFor(address)", {"account": p.address}, ),
    stakeOf: viewFun("0x42623360", "stakeOf(address)", {"_0": p.address}, p.uint256),
    supportsInterface: viewFun("0x01ffc9a7", "supportsInterface(bytes4)", {"interfaceId": p.bytes4}, p.bool),
    totalStaked: viewFun("0x817b1cd2", "totalStaked()", {}, p.uint256),
    unstakeCooldown: viewFun("0x7eefd5ae", "unstakeCooldown()", {}, p.uint64),
    withdraw: fun("0x3ccfd60b", "withdraw()", {}, ),
}

export class Contract extends ContractBase {

    CLOCK_MODE() {
        return this.eth_call(functions.CLOCK_MODE, {})
    }

    DEFAULT_ADMIN_ROLE() {
        return this.eth_call(functions.DEFAULT_ADMIN_ROLE, {})
    }

    DISTRIBUTOR_ROLE() {
        return this.eth_call(functions.DISTRIBUTOR_ROLE, {})
    }

    SLASHER_ROLE() {
        return this.eth_call(functions.SLASHER_ROLE, {})
    }

    accRewardPerShare() {
        return this.eth_call(functions.accRewardPerShare, {})
    }

    clock() {
        return this.eth_call(functions.clock, {})
    }

    delegates(account: DelegatesParams["account"]) {
        return this.eth_call(functions.delegates, {account})
    }

    eip712Domain() {
        return this.eth_call(functions.eip712Domain, {})
    }

    getPastTotalSupply(timepoint: GetPastTotalSupplyParams["timepoint"]) {
        return this.eth_call(functions.getPastTotalSupply, {timepoint})
    }

    getPastVotes(account: GetPastVotesParams["account"], timepoint: GetPastVotesParams["timepoint"]) {
        return this.eth_call(functions.getPastVotes, {account, timepoint})
    }

    getRoleAdmin(role: GetRoleAdminParams["role"]) {
        return this.eth_call(functions.getRoleAdmin, {role})
    }

    getVotes(account: GetVotesParams["account"]) {
        return this.eth_call(functions.getVotes, {account})
    }

    hasRole(role: HasRoleParams["role"], account: HasRoleParams["account"]) {
        return this.eth_call(functions.hasRole, {role, account})
    }

    minPosterStake() {
        return this.eth_call(functions.minPosterStake, {})
    }

    minProviderStake() {
        return this.eth_call(functions.minProviderStake, {})
    }

    nonces(owner: NoncesParams["owner"]) {
        return this.eth_call(functions.nonces, {owner})
    }

    pendingReward(account: PendingRewardParams["account"]) {
        return this.eth_call(functions.pendingReward, {account})
    }

    pendingUnstake(_0: PendingUnstakeParams["_0"]) {
        return this.eth_call(functions.pendingUnstake, {_0})
    }

    rewardDistributor() {
        return this.eth_call(functions.rewardDistributor, {})
    }

    stakeOf(_0: StakeOfParams["_0"]) {
        return this.eth_call(functions.stakeOf, {_0})
    }

    supportsInterface(interfaceId: SupportsInterfaceParams["interfaceId"]) {
        return this.eth_call(functions.supportsInterface, {interfaceId})
    }

    totalStaked() {
        return this.eth_call(functions.totalStaked, {})
    }

    unstakeCooldown() {
        return this.eth_call(functions.unstakeCooldown, {})
    }
}

/// Event types
export type DelegateChangedEventArgs = EParams<typeof events.DelegateChanged>
export type DelegateVotesChangedEventArgs = EParams<typeof events.DelegateVotesChanged>
export type EIP712DomainChangedEventArgs = EParams<typeof events.EIP712DomainChanged>
export type ParameterChangedEventArgs = EParams<typeof events.ParameterChanged>
export type RoleAdminChangedEventArgs = EParams<typeof events.RoleAdminChanged>
export type RoleGrantedEventArgs = EParams<typeof events.RoleGranted>
export type RoleRevokedEventArgs = EParams<typeof events.RoleRevoked>
export type SlashedEventArgs = EParams<typeof events.Slashed>
export type StakedEventArgs = EParams<typeof events.Staked>
export type UnstakeRequestedEventArgs = EParams<typeof events.UnstakeRequested>
export type UnstakedEventArgs = EParams<typeof events.Unstaked>

/// Function types
export type CLOCK_MODEParams = FunctionArguments<typeof functions.CLOCK_MODE>
export type CLOCK_MODEReturn = FunctionReturn<typeof functions.CLOCK_MODE>

export type DEFAULT_ADMIN_ROLEParams = FunctionArguments<typeof functions.DEFAULT_ADMIN_ROLE>
export type DEFAULT_ADMIN_ROLEReturn = FunctionReturn<typeof functions.DEFAULT_ADMIN_ROLE>

export type DISTRIBUTOR_ROLEParams = FunctionArguments<typeof functions.DISTRIBUTOR_ROLE>
export type DISTRIBUTOR_ROLEReturn = FunctionReturn<typeof functions.DISTRIBUTOR_ROLE>

export type SLASHER_ROLEParams = FunctionArguments<typeof functions.SLASHER_ROLE>
export type SLASHER_ROLEReturn = FunctionReturn<typeof functions.SLASHER_ROLE>

export type AccRewardPerShareParams = FunctionArguments<typeof functions.accRewardPerShare>
export type AccRewardPerShareReturn = FunctionReturn<typeof functions.accRewardPerShare>

export type ClockParams = FunctionArguments<typeof functions.clock>
export type ClockReturn = FunctionReturn<typeof functions.clock>

export type DelegateParams = FunctionArguments<typeof functions.delegate>
export type DelegateReturn = FunctionReturn<typeof functions.delegate>

export type DelegateBySigParams = FunctionArguments<typeof functions.delegateBySig>
export type DelegateBySigReturn = FunctionReturn<typeof functions.delegateBySig>

export type DelegatesParams = FunctionArguments<typeof functions.delegates>
export type DelegatesReturn = FunctionReturn<typeof functions.delegates>

export type DistributeParams = FunctionArguments<typeof functions.distribute>
export type DistributeReturn = FunctionReturn<typeof functions.distribute>

export type Eip712DomainParams = FunctionArguments<typeof functions.eip712Domain>
export type Eip712DomainReturn = FunctionReturn<typeof functions.eip712Domain>

export type GetPastTotalSupplyParams = FunctionArguments<typeof functions.getPastTotalSupply>
export type GetPastTotalSupplyReturn = FunctionReturn<typeof functions.getPastTotalSupply>

export type GetPastVotesParams = FunctionArguments<typeof functions.getPastVotes>
export type GetPastVotesReturn = FunctionReturn<typeof functions.getPastVotes>

export type GetRoleAdminParams = FunctionArguments<typeof functions.getRoleAdmin>
export type GetRoleAdminReturn = FunctionReturn<typeof functions.getRoleAdmin>

export type GetVotesParams = FunctionArguments<typeof functions.getVotes>
export type GetVotesReturn = FunctionReturn<typeof functions.getVotes>

export type GrantRoleParams = FunctionArguments<typeof functions.grantRole>
export type GrantRoleReturn = FunctionReturn<typeof functions.grantRole>

export type HarvestParams = FunctionArguments<typeof functions.harvest>
export type HarvestReturn = FunctionReturn<typeof functions.harvest>

export type HasRoleParams = FunctionArguments<typeof functions.hasRole>
export type HasRoleReturn = FunctionReturn<typeof functions.hasRole>

export type MinPosterStakeParams = FunctionArguments<typeof functions.minPosterStake>
export type MinPosterStakeReturn = FunctionReturn<typeof functions.minPosterStake>

export type MinProviderStakeParams = FunctionArguments<typeof functions.minProviderStake>
export type MinProviderStakeReturn = FunctionReturn<typeof functions.minProviderStake>

export type NoncesParams = FunctionArguments<typeof functions.nonces>
export type NoncesReturn = FunctionReturn<typeof functions.nonces>

export type PendingRewardParams = FunctionArguments<typeof functions.pendingReward>
export type PendingRewardReturn = FunctionReturn<typeof functions.pendingReward>

export type PendingUnstakeParams = FunctionArguments<typeof functions.pendingUnstake>
export type PendingUnstakeReturn = FunctionReturn<typeof functions.pendingUnstake>

export type RenounceRoleParams = FunctionArguments<typeof functions.renounceRole>
export type RenounceRoleReturn = FunctionReturn<typeof functions.renounceRole>

export type RequestUnstakeParams = FunctionArguments<typeof functions.requestUnstake>
export type RequestUnstakeReturn = FunctionReturn<typeof functions.requestUnstake>

export type RevokeRoleParams = FunctionArguments<typeof functions.revokeRole>
export type RevokeRoleReturn = FunctionReturn<typeof functions.revokeRole>

export type RewardDistributorParams = FunctionArguments<typeof functions.rewardDistributor>
export type RewardDistributorReturn = FunctionReturn<typeof functions.rewardDistributor>

export type SetMinimumsParams = FunctionArguments<typeof functions.setMinimums>
export type SetMinimumsReturn = FunctionReturn<typeof functions.setMinimums>

export type SetRewardDistributorParams = FunctionArguments<typeof functions.setRewardDistributor>
export type SetRewardDistributorReturn = FunctionReturn<typeof functions.setRewardDistributor>

export type SlashParams = FunctionArguments<typeof functions.slash>
export type SlashReturn = FunctionReturn<typeof functions.slash>

export type StakeParams = FunctionArguments<typeof functions.stake>
export type StakeReturn = FunctionReturn<typeof functions.stake>

export type StakeForParams = FunctionArguments<typeof functions.stakeFor>
export type StakeForReturn = FunctionReturn<typeof functions.stakeFor>

export type StakeOfParams = FunctionArguments<typeof functions.stakeOf>
export type StakeOfReturn = FunctionReturn<typeof functions.stakeOf>

export type SupportsInterfaceParams = FunctionArguments<typeof functions.supportsInterface>
export type SupportsInterfaceReturn = FunctionReturn<typeof functions.supportsInterface>

export type TotalStakedParams = FunctionArguments<typeof functions.totalStaked>
export type TotalStakedReturn = FunctionReturn<typeof functions.totalStaked>

export type UnstakeCooldownParams = FunctionArguments<typeof functions.unstakeCooldown>
export type UnstakeCooldownReturn = FunctionReturn<typeof functions.unstakeCooldown>

export type WithdrawParams = FunctionArguments<typeof functions.withdraw>
export type WithdrawReturn = FunctionReturn<typeof functions.withdraw>

