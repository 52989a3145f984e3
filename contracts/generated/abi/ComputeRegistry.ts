import * as p from '@subsquid/evm-codec'
import { event, fun, viewFun, indexed, ContractBase } from '@subsquid/evm-abi'
import type { EventParams as EParams, FunctionArguments, FunctionReturn } from '@subsquid/evm-abi'

export const events = {
    ComputeAttested: event("0x3303af84e79992bc8f472ad4eaa598e1aebf5bb05f431b56e9eb1bcc7d1eb421", "ComputeAttested(address,uint256,uint8,bytes32,bytes32)", {"provider": indexed(p.address), "taskId": indexed(p.uint256), "kind": p.uint8, "taskHash": p.bytes32, "resultHash": p.bytes32}),
    ProviderRegistered: event("0x5a07a542cf40add1930d480ccf3ddfbb3a9684912d850afec36c9f6b3dab57fc", "ProviderRegistered(address,string,uint256)", {"provider": indexed(p.address), "endpointURI": p.string, "stake": p.uint256}),
}

export const functions = {
    attest: fun("0x72571972", "attest(uint256,uint8,bytes32,bytes32)", {"taskId": p.uint256, "kind": p.uint8, "taskHash": p.bytes32, "resultHash": p.bytes32}, ),
    attestBatch: fun("0xc4abd7e2", "attestBatch(uint256[],uint8[],bytes32[],bytes32[])", {"taskIds": p.array(p.uint256), "kinds": p.array(p.uint8), "taskHashes": p.array(p.bytes32), "resultHashes": p.array(p.bytes32)}, ),
    endpointOf: viewFun("0x4b893642", "endpointOf(address)", {"_0": p.address}, p.string),
    isProvider: viewFun("0x6b074a07", "isProvider(address)", {"_0": p.address}, p.bool),
    registerProvider: fun("0xd9ac4022", "registerProvider(string)", {"endpointURI": p.string}, ),
    staking: viewFun("0x4cf088d9", "staking()", {}, p.address),
}

export class Contract extends ContractBase {

    endpointOf(_0: EndpointOfParams["_0"]) {
        return this.eth_call(functions.endpointOf, {_0})
    }

    isProvider(_0: IsProviderParams["_0"]) {
        return this.eth_call(functions.isProvider, {_0})
    }

    staking() {
        return this.eth_call(functions.staking, {})
    }
}

/// Event types
export type ComputeAttestedEventArgs = EParams<typeof events.ComputeAttested>
export type ProviderRegisteredEventArgs = EParams<typeof events.ProviderRegistered>

/// Function types
export type AttestParams = FunctionArguments<typeof functions.attest>
export type AttestReturn = FunctionReturn<typeof functions.attest>

export type AttestBatchParams = FunctionArguments<typeof functions.attestBatch>
export type AttestBatchReturn = FunctionReturn<typeof functions.attestBatch>

export type EndpointOfParams = FunctionArguments<typeof functions.endpointOf>
export type EndpointOfReturn = FunctionReturn<typeof functions.endpointOf>

export type IsProviderParams = FunctionArguments<typeof functions.isProvider>
export type IsProviderReturn = FunctionReturn<typeof functions.isProvider>

export type RegisterProviderParams = FunctionArguments<typeof functions.registerProvider>
export type RegisterProviderReturn = FunctionReturn<typeof functions.registerProvider>

export type StakingParams = FunctionArguments<typeof functions.staking>
export type StakingReturn = FunctionReturn<typeof functions.staking>

