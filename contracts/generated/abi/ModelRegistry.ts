import * as p from '@subsquid/evm-codec'
import { event, fun, viewFun, indexed, ContractBase } from '@subsquid/evm-abi'
import type { EventParams as EParams, FunctionArguments, FunctionReturn } from '@subsquid/evm-abi'

export const events = {
    CheckpointPosted: event("0xa170fadf8a25050ab7755b3289b859614c10d31478225bb85e024abdc21f9394", "CheckpointPosted(uint256,uint32,bytes32,uint256)", {"modelId": indexed(p.uint256), "step": p.uint32, "checkpointHash": p.bytes32, "learningRate": p.uint256}),
    ModelPublished: event("0x7c83bc74b28c08e40bcf1ac990e9a1c641f2455fcebcbbeb8afb745b33de670c", "ModelPublished(uint256,uint256)", {"modelId": indexed(p.uint256), "feePerInference": p.uint256}),
    ModelRegistered: event("0xe79e41f2d50ca2ebc26888868478f301d609d3177d8f0982db98754144c92696", "ModelRegistered(uint256,address,string,uint8,uint256,bytes32,string,bytes32)", {"modelId": indexed(p.uint256), "owner": indexed(p.address), "name": p.string, "kind": p.uint8, "baseModelId": p.uint256, "artifactHash": p.bytes32, "artifactURI": p.string, "trainingConfigHash": p.bytes32}),
    ModelTrainedOn: event("0xb1b712e4ce7671794756a10a1eba33f2bbbedb263dd21ded3c8c0ac6c95c2537", "ModelTrainedOn(uint256,uint256,uint32)", {"modelId": indexed(p.uint256), "datanetId": indexed(p.uint256), "version": p.uint32}),
}

export const functions = {
    datanets: viewFun("0xea7fd377", "datanets()", {}, p.address),
    modelCount: viewFun("0xc6a645fe", "modelCount()", {}, p.uint256),
    models: viewFun("0x6a030ca9", "models(uint256)", {"_0": p.uint256}, {"owner": p.address, "kind": p.uint8, "published": p.bool, "nextStep": p.uint32, "fee": p.uint256}),
    postCheckpoint: fun("0x8709e6c6", "postCheckpoint(uint256,uint32,bytes32,uint256)", {"modelId": p.uint256, "step": p.uint32, "checkpointHash": p.bytes32, "learningRate": p.uint256}, ),
    publishModel: fun("0x348a1169", "publishModel(uint256,uint256)", {"modelId": p.uint256, "feePerInference": p.uint256}, ),
    publishedFee: viewFun("0x3625620b", "publishedFee(uint256)", {"modelId": p.uint256}, {"owner": p.address, "fee": p.uint256}),
    recordTrainedOn: fun("0x6c00b5dc", "recordTrainedOn(uint256,uint256,uint32)", {"modelId": p.uint256, "datanetId": p.uint256, "version": p.uint32}, ),
    registerModel: fun("0xc8d49c0d", "registerModel(string,uint8,uint256,bytes32,string,bytes32)", {"name": p.string, "kind": p.uint8, "baseModelId": p.uint256, "artifactHash": p.bytes32, "artifactURI": p.string, "trainingConfigHash": p.bytes32}, p.uint256),
}

export class Contract extends ContractBase {

    datanets() {
        return this.eth_call(functions.datanets, {})
    }

    modelCount() {
        return this.eth_call(functions.modelCount, {})
    }

    models(_0: ModelsParams["_0"]) {
        return this.eth_call(functions.models, {_0})
    }

    publishedFee(modelId: PublishedFeeParams["modelId"]) {
        return this.eth_call(functions.publishedFee, {modelId})
    }
}

/// Event types
export type CheckpointPostedEventArgs = EParams<typeof events.CheckpointPosted>
export type ModelPublishedEventArgs = EParams<typeof events.ModelPublished>
export type ModelRegisteredEventArgs = EParams<typeof events.ModelRegistered>
export type ModelTrainedOnEventArgs = EParams<typeof events.ModelTrainedOn>

/// Function types
export type DatanetsParams = FunctionArguments<typeof functions.datanets>
export type DatanetsReturn = FunctionReturn<typeof functions.datanets>

export type ModelCountParams = FunctionArguments<typeof functions.modelCount>
export type ModelCountReturn = FunctionReturn<typeof functions.modelCount>

export type ModelsParams = FunctionArguments<typeof functions.models>
export type ModelsReturn = FunctionReturn<typeof functions.models>

export type PostCheckpointParams = FunctionArguments<typeof functions.postCheckpoint>
export type PostCheckpointReturn = FunctionReturn<typeof functions.postCheckpoint>

export type PublishModelParams = FunctionArguments<typeof functions.publishModel>
export type PublishModelReturn = FunctionReturn<typeof functions.publishModel>

export type PublishedFeeParams = FunctionArguments<typeof functions.publishedFee>
export type PublishedFeeReturn = FunctionReturn<typeof functions.publishedFee>

export type RecordTrainedOnParams = FunctionArguments<typeof functions.recordTrainedOn>
export type RecordTrainedOnReturn = FunctionReturn<typeof functions.recordTrainedOn>

export type RegisterModelParams = FunctionArguments<typeof functions.registerModel>
export type RegisterModelReturn = FunctionReturn<typeof functions.registerModel>

