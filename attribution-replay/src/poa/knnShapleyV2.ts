import { sha256Hex } from '../artifacts/sha256.js';
import type { Matrix } from '../onnx/matrix.js';
import type { SessionFactoryOptions } from '../onnx/session.js';
import { knnShapleyBatch } from './knnShapleyBatch.js';
import { type KnnShapleyV2Params, type Recomputation, toRecomputation } from './postings.js';
import { tieFairShares } from './tieFairShares.js';

export interface KnnShapleyV2Input {
  params: KnnShapleyV2Params;
  /** Training vectors in the space `params.representation` names, rows in training order. */
  train: Matrix;
  trainLabels: ArrayLike<number>;
  queries: Matrix;
  queryLabels: ArrayLike<number>;
  ids: readonly string[];
  /** sha256 of each training contribution's content: orders equal distances and keys the lottery. */
  contentHashes: readonly string[];
  /** sha256 of each query's input artifact: a tied group's lottery is drawn afresh for every query. */
  queryHashes: readonly string[];
}

/**
 * knn-shapley@2 for a batch of queries: the values of knn-shapley@1 (Jia et al. 2019) with neighbours at
 * equal distance ordered by content hash, posted by the tie-fair rule (tieFairShares): nothing about who is
 * paid depends on contribution ids or on the order contributions were submitted in.
 */
export async function knnShapleyV2(
  input: KnnShapleyV2Input,
  opts: SessionFactoryOptions = {},
): Promise<Recomputation[]> {
  const { params, ids, contentHashes } = input;
  const r = await knnShapleyBatch(
    {
      train: input.train,
      trainLabels: input.trainLabels,
      queries: input.queries,
      queryLabels: input.queryLabels,
      k: params.k,
      tieKeys: contentHashes,
    },
    opts,
  );
  return r.scores.map((s, q) => {
    const lottery = (i: number) => sha256Hex(`${input.queryHashes[q]}:${contentHashes[i]}`);
    return toRecomputation(s, ids, params.topK, r.nearTies[q], tieFairShares(s, ids, params.topK, lottery));
  });
}
