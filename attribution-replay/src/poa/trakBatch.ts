import { ArtifactMalformedError } from '../artifacts/ArtifactStore.js';
import type { Matrix } from '../onnx/matrix.js';
import { type MlpCheckpointWeights, readMlpWeights } from '../onnx/mlpWeights.js';
import type { SessionFactoryOptions } from '../onnx/session.js';
import { type TrakParams, type TrakTrainSide, trakFeatures, trakScores, trakTrainSide } from './trak.js';

export interface TrakBatchInput {
  params: TrakParams;
  /** The posted checkpoints in step order: the ensemble (m = index here keys the projection). */
  checkpoints: readonly { hash: string; onnx: Uint8Array }[];
  trainX: Matrix;
  trainLabels: ArrayLike<number>;
  queryX: Matrix;
  queryLabels: ArrayLike<number>;
  /** Training sides kept between calls on the same training set (the costly part: n gradients each). */
  cache?: Map<string, TrakTrainSide>;
}

/** trak@1 for a batch of queries on one model: one score vector per query, training order. */
export async function trakBatch(
  input: TrakBatchInput,
  opts: SessionFactoryOptions = {},
): Promise<Float64Array[]> {
  const { params } = input;
  const sides: TrakTrainSide[] = [];
  const queries: Matrix[] = [];
  for (const [m, c] of input.checkpoints.entries()) {
    let w: MlpCheckpointWeights;
    try {
      w = readMlpWeights(c.onnx);
    } catch (e) {
      throw new ArtifactMalformedError(c.hash, 'MLP checkpoint trak@1 can differentiate', e);
    }
    const key = `${c.hash}|${m}|${params.projDim}|${params.seed}|${params.damping}`;
    let side = input.cache?.get(key);
    if (!side) {
      side = trakTrainSide(
        await trakFeatures(w, input.trainX, input.trainLabels, params, m, opts),
        params.damping,
      );
      input.cache?.set(key, side);
    }
    sides.push(side);
    queries.push((await trakFeatures(w, input.queryX, input.queryLabels, params, m, opts)).phi);
  }
  return trakScores(sides, queries);
}
