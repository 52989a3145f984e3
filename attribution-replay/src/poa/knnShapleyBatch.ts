import { UserError } from '@ae/core/errors';
import * as ort from 'onnxruntime-node';
import { knnOrderGraph } from '../onnx/kernels.js';
import { type Matrix, sliceRows, transpose } from '../onnx/matrix.js';
import { kernelSession, type Provider, type SessionFactoryOptions } from '../onnx/session.js';
import { knnShapleyFromOrder } from './knnShapley.js';
import { MAX_TOP_K } from './postings.js';

export interface KnnShapleyBatchInput {
  /** Training embeddings, N×E, rows in training (contribution id) order. */
  train: Matrix;
  trainLabels: ArrayLike<number>;
  /** Query embeddings, M×E. */
  queries: Matrix;
  queryLabels: ArrayLike<number>;
  k: number;
  /** How many leading neighbour positions to watch for near-ties (default: 2·max(K, 64), beyond any top-K). */
  nearTieWindow?: number;
  /**
   * knn-shapley@2: a key per training point that does not depend on its id (sha256 of its content).
   * Neighbours at exactly equal distance are then ordered by key instead of by training index.
   */
  tieKeys?: readonly string[];
}

export interface KnnShapleyResult {
  /** One score vector per query, in training order. */
  scores: Float64Array[];
  /**
   * Training indices, per query, of neighbours whose relative order is a near-tie (relative distance
   * difference ≤ 1e-6) with a differently labelled neighbour within the window: their values may swap
   * between machines, which is not fraud.
   */
  nearTies: number[][];
  provider: Provider;
}

/** Relative distance difference under which two neighbours count as tied for the near-tie rule. */
export const NEAR_TIE_RELATIVE = 1e-6;
/** Cap on M·N distances held at once (memory of the TopK output: 16 bytes each). */
const MAX_CELLS = 1 << 22;

/**
 * knn-shapley@1 for many queries against one training set, in batches: the distances and the full neighbour
 * sort run in one ONNX graph (float64, TopK with ties by index), the O(N) recursion in TypeScript float64.
 */
export async function knnShapleyBatch(
  input: KnnShapleyBatchInput,
  opts: SessionFactoryOptions = {},
): Promise<KnnShapleyResult> {
  const { train, queries, k } = input;
  const n = train.rows;
  if (train.cols !== queries.cols && n > 0 && queries.rows > 0)
    throw new UserError(`query embeddings have ${queries.cols} dims, training embeddings ${train.cols}`);
  if (input.trainLabels.length !== n)
    throw new UserError('one training label per training embedding is required');
  if (input.queryLabels.length !== queries.rows) throw new UserError('one label per query is required');
  if (input.tieKeys && input.tieKeys.length !== n) throw new UserError('one tie key per training point');
  if (!Number.isInteger(k) || k < 1) throw new UserError(`K must be an integer ≥ 1, got ${k}`);
  const scores: Float64Array[] = [];
  const nearTies: number[][] = [];
  if (n === 0) {
    for (let q = 0; q < queries.rows; q++) {
      scores.push(new Float64Array(0));
      nearTies.push([]);
    }
    return { scores, nearTies, provider: 'cpu' };
  }
  const { session, provider } = await kernelSession('knn-order-f64', knnOrderGraph, opts);
  const xt = transpose(train);
  const xtTensor = new ort.Tensor('float64', xt.data, [xt.rows, xt.cols]);
  const kTensor = new ort.Tensor('int64', BigInt64Array.of(BigInt(n)), [1]);
  const window = Math.min(n, input.nearTieWindow ?? 2 * Math.max(k, MAX_TOP_K));
  const chunk = Math.max(1, Math.floor(MAX_CELLS / n));
  for (let from = 0; from < queries.rows; from += chunk) {
    const q = sliceRows(queries, from, Math.min(queries.rows, from + chunk));
    const out = await session.run({
      q: new ort.Tensor('float64', Float64Array.from(q.data), [q.rows, q.cols]),
      xt: xtTensor,
      k: kTensor,
    });
    const dist2 = out.dist2.data as Float64Array;
    const orderAll = out.order.data as Int32Array;
    for (let r = 0; r < q.rows; r++) {
      const d2 = dist2.subarray(r * n, (r + 1) * n);
      const raw = orderAll.subarray(r * n, (r + 1) * n);
      const order = input.tieKeys ? orderEqualByKey(raw, d2, input.tieKeys) : raw;
      const yq = input.queryLabels[from + r];
      scores.push(knnShapleyFromOrder(order, input.trainLabels, yq, k));
      nearTies.push(findNearTies(order, d2, input.trainLabels, window));
    }
  }
  return { scores, nearTies, provider };
}

/** Re-sorts each run of exactly equal distances by key (a copy; the distances stay sorted). */
export function orderEqualByKey(
  order: ArrayLike<number>,
  dist2: ArrayLike<number>,
  keys: readonly string[],
): Int32Array {
  const out = Int32Array.from(order);
  for (let i = 0; i < out.length; ) {
    let j = i + 1;
    while (j < out.length && dist2[j] === dist2[i]) j++;
    if (j - i > 1) {
      const run = Array.from(out.subarray(i, j)).sort((a, b) =>
        keys[a] < keys[b] ? -1 : keys[a] > keys[b] ? 1 : a - b,
      );
      out.set(run, i);
    }
    i = j;
  }
  return out;
}

/**
 * Adjacent neighbours within the window whose labels differ and whose distances differ, but by at most the
 * relative tolerance. Exactly equal distances are not near-ties: identical embeddings give identical
 * distances on every machine, and the rule (ties by training order) settles them the same way everywhere.
 */
export function findNearTies(
  order: ArrayLike<number>,
  dist2: ArrayLike<number>,
  labels: ArrayLike<number>,
  window: number,
): number[] {
  const hit = new Set<number>();
  for (let i = 0; i + 1 < Math.min(order.length, window + 1); i++) {
    const a = Math.sqrt(dist2[i]);
    const b = Math.sqrt(dist2[i + 1]);
    if (labels[order[i]] === labels[order[i + 1]]) continue;
    if (a !== b && Math.abs(b - a) <= NEAR_TIE_RELATIVE * Math.max(a, b)) {
      hit.add(order[i]);
      hit.add(order[i + 1]);
    }
  }
  return [...hit].sort((x, y) => x - y);
}
