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
  /** Mean value over the validation set (knnValidationValues) when the parameters name one. */
  validationValues?: Float64Array;
}

/**
 * The mean knn-shapley value of every training point over a validation set with true labels (Jia et al.
 * 2019's data value; equal distances ordered by content hash as in @2), training order.
 */
export async function knnValidationValues(
  input: Pick<KnnShapleyV2Input, 'train' | 'trainLabels' | 'contentHashes'> & {
    k: number;
    validation: Matrix;
    validationLabels: ArrayLike<number>;
  },
  opts: SessionFactoryOptions = {},
): Promise<Float64Array> {
  const r = await knnShapleyBatch(
    {
      train: input.train,
      trainLabels: input.trainLabels,
      queries: input.validation,
      queryLabels: input.validationLabels,
      k: input.k,
      tieKeys: input.contentHashes,
    },
    opts,
  );
  const n = input.train.rows;
  const v = new Float64Array(n);
  for (const s of r.scores) for (let i = 0; i < n; i++) v[i] += s[i];
  for (let i = 0; i < n; i++) v[i] /= Math.max(1, r.scores.length);
  return v;
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
  const v = input.validationValues;
  if (v && v.length !== ids.length) throw new RangeError('one validation value per training point');
  return r.scores.map((s0, q) => {
    // Shapley values are linear in the utility: ½ U_query + ½ U_validation has ½ s_q + ½ v
    const s = v ? Float64Array.from(s0, (x, i) => 0.5 * x + 0.5 * v[i]) : s0;
    const lottery = (i: number) => sha256Hex(`${input.queryHashes[q]}:${contentHashes[i]}`);
    return toRecomputation(s, ids, params.topK, r.nearTies[q], tieFairShares(s, ids, params.topK, lottery));
  });
}
