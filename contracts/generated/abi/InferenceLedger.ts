import * as p from '@subsquid/evm-codec'
import { event, fun, viewFun, indexed, ContractBase } from '@subsquid/evm-abi'
import type { EventParams as EParams, FunctionArguments, FunctionReturn } from '@subsquid/evm-abi'

export const events = {
    InferenceRecorded: event("0x138eb6886a76c24f9b9b840f0082d1036703893baea205e441fb93dc0cb7b261", "InferenceRecorded(uint256,uint256,address,address,bytes32,bytes32,uint256)", {"inferenceId": indexed(p.uint256), "modelId": indexed(p.uint256), "user": indexed(p.address), "provider": p.address, "inputHash": p.bytes32, "outputHash": p.bytes32, "fee": p.uint256}),
}

export const functions = {
    compute: viewFun("0x1a43c338", "compute()", {}, p.address),
    distributor: viewFun("0xbfe10928", "distributor()", {}, p.address),
    inferenceCount: viewFun("0x740c4fa4", "inferenceCount()", {}, p.uint256),
    models: viewFun("0x9986df2c", "models()", {}, p.address),
    recordInference: fun("0x79c1ebf7", "recordInference(uint256,address,bytes32,bytes32)", {"modelId": p.uint256, "provider": p.address, "inputHash": p.bytes32, "outputHash": p.bytes32}, p.uint256),
    recordInferences: fun("0xdf8a3e21", "recordInferences(uint256[],address[],bytes32[],bytes32[])", {"modelIds": p.array(p.uint256), "providers": p.array(p.address), "inputHashes": p.array(p.bytes32), "outputHashes": p.array(p.bytes32)}, p.uint256),
}

export class Contract extends ContractBase {

    compute() {
        return this.eth_call(functions.compute, {})
    }

    distributor() {
        return this.eth_call(functions.distributor, {})
    }

    inferenceCount() {
        return this.eth_call(functions.inferenceCount, {})
    }

    models() {
        return this.eth_call(functions.models, {})
    }
}

/// Event types
export type InferenceRecordedEventArgs = EParams<typeof events.InferenceRecorded>

/// Function types
export type ComputeParams = FunctionArguments<typeof functions.compute>
export type ComputeReturn = FunctionReturn<typeof functions.compute>

export type DistributorParams = FunctionArguments<typeof functions.distributor>
export type DistributorReturn = FunctionReturn<typeof functions.distributor>

export type InferenceCountParams = FunctionArguments<typeof functions.inferenceCount>
export type InferenceCountReturn = FunctionReturn<typeof functions.inferenceCount>

export type ModelsParams = FunctionArguments<typeof functions.models>
export type ModelsReturn = FunctionReturn<typeof functions.models>

export type RecordInferenceParams = FunctionArguments<typeof functions.recordInference>
export type RecordInferenceReturn = FunctionReturn<typeof functions.recordInference>

export type RecordInferencesParams = FunctionArguments<typeof functions.recordInferences>
export type RecordInferencesReturn = FunctionReturn<typeof functions.recordInferences>

