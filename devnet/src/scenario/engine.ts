import type { Hex } from 'viem';
import type { PoaMethod } from './plan.js';

/** A labelled message of the corpus: what a contribution's content and an inference's input are made of. */
export interface CorpusMessage {
  text: string;
  label: number;
}

export interface TrainedCheckpoint {
  step: number;
  learningRate: number;
  hash: Hex;
}

export interface TrainedModel {
  /** Checkpoints in step order, each stored (ONNX) in the artifact store; the last is the model's artifact. */
  checkpoints: TrainedCheckpoint[];
  trainingConfigHash: Hex;
  /** Opaque handle the engine uses to run the model. */
  handle: unknown;
}

export interface TrainingExample {
  contributionId: bigint;
  message: CorpusMessage;
}

export interface ScoredQuery {
  /** The model's predicted class, the label the methods attribute. */
  predicted: number;
  /** Output artifact hash (probabilities as canonical JSON). */
  outputHash: Hex;
  inputHash: Hex;
  /** The stored output artifact (the model's class probabilities). */
  output: Uint8Array;
}

export interface EnginePosting {
  /** Canonical parameter JSON and full result JSON: the scenario decides whether to store them. */
  paramsBytes: Uint8Array;
  resultBytes: Uint8Array;
  paramsHash: Hex;
  resultHash: Hex;
  resultURI: string;
  /** Full score vector in training order (contribution ids ascending), as the engine computed it. */
  ids: bigint[];
  scores: number[];
  /** The engine's top-K with weights in ppm and scores in 1e18 fixed point. */
  top: { contributionId: bigint; weightPpm: number; score: bigint }[];
}

/**
 * What the scenario needs from the Model Factory, the artifact store and the PoA engine (owned by the
 * PoA workspace and devnet/src/model-factory; bound in engineBinding.ts). Kept narrow so the scenario
 * never re-implements any of it.
 */
export interface ScenarioEngine {
  corpus(): Promise<CorpusMessage[]>;
  /** Stores the bytes and returns their sha256 (the on-chain hash). */
  put(bytes: Uint8Array): Promise<Hex>;
  contributionContent(message: CorpusMessage): Uint8Array;
  train(opts: {
    name: string;
    base?: TrainedModel;
    examples: TrainingExample[];
    seed: number;
    adapter: boolean;
    /** 'text': index the contributions for the ∞-gram text model instead of training a classifier. */
    family?: 'text';
    /** Held-out messages the Model Factory judges a classifier on; recorded in its training config. */
    evaluation?: CorpusMessage[];
  }): Promise<TrainedModel>;
  /** Share of the messages the model classifies correctly (logged: a spam model that cannot tell spam is no model). */
  accuracy(model: TrainedModel, messages: CorpusMessage[]): Promise<number>;
  /** Runs the model on held-out messages, storing input and output artifacts. */
  infer(model: TrainedModel, messages: CorpusMessage[]): Promise<ScoredQuery[]>;
  /** Scores each query against the model's training set and builds its honest posting. */
  attribute(opts: {
    method: PoaMethod;
    model: TrainedModel;
    train: TrainingExample[];
    queries: { message: CorpusMessage; predicted: number; output: Uint8Array }[];
    topK: number;
    /** True-labelled messages knn-shapley@2 values against (stored; its hash goes in the parameters). */
    validation?: CorpusMessage[];
  }): Promise<EnginePosting[]>;
}
