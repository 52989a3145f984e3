import type { Hex } from 'viem';

/** One share as posted on chain (AttributionShare), in posting order. */
export interface PostedShare {
  contributionId: string;
  weightPpm: number;
  /** 1e18 fixed point, signed. */
  score: bigint;
}

/** Everything the chain says about one attribution that a replay must reproduce or check. */
export interface PostingFacts {
  attributionId: string;
  method: string;
  paramsHash: Hex;
  resultHash: Hex;
  postedAt: Date;
  /** POSTED / DISPUTED / SETTLED / UPHELD as the indexer last saw it. */
  status: string;
  inferenceId: string;
  inputHash: Hex;
  outputHash: Hex;
  modelId: string;
  shares: PostedShare[];
}

export interface CheckpointFacts {
  step: number;
  hash: Hex;
  /** The learning rate as the chain stores it, 1e18 fixed point. */
  learningRateWad: bigint;
}

/** A model's replay context: shared by every attribution of the model, so loaded once per batch. */
export interface ModelFacts {
  modelId: string;
  artifactHash: Hex;
  trainingConfigHash: Hex;
  checkpoints: CheckpointFacts[];
  /** Datanet versions the model was trained on (ModelTrainedOn). */
  trainedOn: { datanetId: string; version: number; contributionCount: number; merkleRoot: Hex }[];
  /**
   * The training set: for each version, the accepted contributions among the datanet's first
   * contributionCount, united and sorted by contribution id (the methods' training order).
   */
  training: { contributionId: string; contentHash: Hex }[];
}
