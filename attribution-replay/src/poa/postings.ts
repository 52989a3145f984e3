import { UserError } from '@ae/core/errors';
import { canonicalBytes } from '../artifacts/canonicalJson.js';
import { type Bytes32Hex, sha256Hex } from '../artifacts/sha256.js';
import type { TrakParams } from './trak.js';

/** The PoA methods this engine runs. */
export const METHODS = ['knn-shapley@1', 'tracin-cp@1', 'knn-shapley@2', 'trak@1'] as const;
export type PoaMethodId = (typeof METHODS)[number];

/** Canonical parameters of a method; their canonical JSON's sha256 is the posting's paramsHash. */
export type MethodParams =
  | { method: 'knn-shapley@1'; k: number; topK: number }
  | { method: 'tracin-cp@1'; topK: number }
  | KnnShapleyV2Params
  | TrakParams;

/**
 * knn-shapley@2 (METHODS.md): the tie-fair posting rule and a choice of space. `embedding` = the last
 * checkpoint's penultimate layer (as @1); `features` = the featurizer's vector, which does not depend on
 * the (possibly noisy) labels the model learnt from.
 */
export interface KnnShapleyV2Params {
  method: 'knn-shapley@2';
  k: number;
  topK: number;
  representation: 'embedding' | 'features';
  /**
   * sha256 of a validation-set artifact (true labels; `features` only): the values are then the Shapley
   * values of the utility ½·(K-NN correct on the query) + ½·(K-NN accuracy on the validation set).
   */
  validation?: Bytes32Hex;
}

/** trak@1's largest projection (the [P, k] sign matrix of the 1024-64-16-2 MLP is 66,674 × k float64). */
export const MAX_PROJ_DIM = 1024;

/** The most contributions a posting may carry (the registry's limit). */
export const MAX_TOP_K = 64;

/** Validates method parameters (hostile input from an artifact or a command line). */
export function parseMethodParams(v: unknown): MethodParams {
  const o = v as Record<string, unknown>;
  if (typeof o !== 'object' || o === null) throw new UserError('method parameters must be a JSON object');
  const topK = o.topK;
  if (!Number.isInteger(topK) || (topK as number) < 1 || (topK as number) > MAX_TOP_K)
    throw new UserError(`topK must be an integer in 1..${MAX_TOP_K}`);
  if (o.method === 'knn-shapley@1') {
    if (!Number.isInteger(o.k) || (o.k as number) < 1) throw new UserError('k must be an integer ≥ 1');
    if (Object.keys(o).length !== 3)
      throw new UserError('knn-shapley@1 parameters are exactly {method, k, topK}');
    return { method: o.method, k: o.k as number, topK: topK as number };
  }
  if (o.method === 'knn-shapley@2') {
    if (!Number.isInteger(o.k) || (o.k as number) < 1) throw new UserError('k must be an integer ≥ 1');
    if (o.representation !== 'embedding' && o.representation !== 'features')
      throw new UserError('representation must be "embedding" or "features"');
    const v = o.validation;
    if (v !== undefined && (typeof v !== 'string' || !/^0x[0-9a-f]{64}$/.test(v)))
      throw new UserError('validation must be a lowercase 0x-prefixed sha256');
    if (v !== undefined && o.representation !== 'features')
      throw new UserError('a validation set goes with representation "features"');
    if (Object.keys(o).length !== (v === undefined ? 4 : 5))
      throw new UserError(
        'knn-shapley@2 parameters are exactly {method, k, topK, representation[, validation]}',
      );
    return {
      method: o.method,
      k: o.k as number,
      topK: topK as number,
      representation: o.representation,
      ...(v === undefined ? {} : { validation: v as Bytes32Hex }),
    };
  }
  if (o.method === 'trak@1') {
    const { projDim, seed, damping } = o;
    if (!Number.isInteger(projDim) || (projDim as number) < 1 || (projDim as number) > MAX_PROJ_DIM)
      throw new UserError(`projDim must be an integer in 1..${MAX_PROJ_DIM}`);
    if (!Number.isInteger(seed) || (seed as number) < 0 || (seed as number) > 0xffffffff)
      throw new UserError('seed must be an integer in 0..2^32−1');
    if (typeof damping !== 'number' || !(damping > 0 && damping <= 1000))
      throw new UserError('damping must be a number in (0, 1000]');
    if (Object.keys(o).length !== 5)
      throw new UserError('trak@1 parameters are exactly {method, topK, projDim, seed, damping}');
    return {
      method: o.method,
      topK: topK as number,
      projDim: projDim as number,
      seed: seed as number,
      damping,
    };
  }
  if (o.method === 'tracin-cp@1') {
    if (Object.keys(o).length !== 2) throw new UserError('tracin-cp@1 parameters are exactly {method, topK}');
    return { method: o.method, topK: topK as number };
  }
  throw new UserError(`unknown attribution method ${JSON.stringify(String(o.method)).slice(0, 60)}`);
}

/** Canonical parameter bytes and their hash. */
export function paramsArtifact(params: MethodParams): { bytes: Uint8Array; hash: Bytes32Hex } {
  const bytes = canonicalBytes(parseMethodParams(params));
  return { bytes, hash: sha256Hex(bytes) };
}

/** The full score vector as canonical JSON (an array of numbers in training order) and its sha256 = resultHash. */
export function resultArtifact(scores: ArrayLike<number>): { bytes: Uint8Array; hash: Bytes32Hex } {
  const bytes = canonicalBytes(Array.from(scores));
  return { bytes, hash: sha256Hex(bytes) };
}

export interface Share {
  contributionId: string;
  weightPpm: number;
  score: number;
}

/** Indices of the K highest scores, highest first, ties by training order (lower index first). */
export function topKIndices(scores: ArrayLike<number>, k: number): number[] {
  const idx = Array.from({ length: scores.length }, (_, i) => i);
  idx.sort((a, b) => scores[b] - scores[a] || a - b);
  return idx.slice(0, Math.min(k, scores.length));
}

/**
 * The posted shares: the top-K contributions with weightPpm = round(1e6 · max(s,0) / Σ max(s,0)), the sum
 * running over the K posted contributions (they share the contributors' part of the fee). The registry
 * refuses weights summing above 1e6; rounding can exceed it by at most K/2, and then the excess is taken
 * one ppm at a time from the lowest-ranked rounded-up entries (deterministic, documented).
 */
export function topShares(scores: ArrayLike<number>, ids: readonly string[], topK: number): Share[] {
  if (ids.length !== scores.length) throw new UserError('one contribution id per score is required');
  if (!Number.isInteger(topK) || topK < 1 || topK > MAX_TOP_K)
    throw new UserError(`topK must be in 1..${MAX_TOP_K}`);
  const top = topKIndices(scores, topK);
  const pos = top.map((i) => Math.max(scores[i], 0));
  const sum = pos.reduce((a, b) => a + b, 0);
  const exact = pos.map((s) => (sum > 0 ? (1e6 * s) / sum : 0));
  const ppm = exact.map((x) => Math.round(x));
  let excess = ppm.reduce((a, b) => a + b, 0) - 1_000_000;
  for (let i = ppm.length - 1; i >= 0 && excess > 0; i--) {
    if (ppm[i] > exact[i]) {
      ppm[i]--;
      excess--;
    }
  }
  return top.map((i, j) => ({ contributionId: ids[i], weightPpm: ppm[j], score: scores[i] }));
}

/** A float64 score as the chain's signed 1e18 fixed point. */
export function scoreToWad(score: number): bigint {
  if (!Number.isFinite(score)) throw new UserError(`score ${score} is not finite`);
  return BigInt(Math.round(score * 1e18));
}

/** What a poster posts and a replay recomputes for one query. */
export interface Recomputation {
  /** Full score vector, training order. */
  scores: number[];
  /** Contribution ids in training order (same length as scores). */
  ids: string[];
  resultHash: Bytes32Hex;
  top: Share[];
  /** Contribution ids whose place in the top-K is decided by a near-tie in distance. */
  nearTies: string[];
  /**
   * Methods whose full result carries more than scores (span-match@1's spans) check the posted result
   * artifact here: undefined when it is what the replay recomputed, else the difference (a MISMATCH).
   */
  checkResult?: (postedResult: Uint8Array) => ResultDifference | undefined;
  /** The full result artifact when it is more than the score vector (its sha256 is resultHash). */
  resultBytes?: Uint8Array;
}

/** How a posted result artifact differs from the recomputed one (evidence of a MISMATCH). */
export interface ResultDifference {
  summary: string;
  details: unknown;
}

/** Scores → the posting (topShares unless `top` is given): one implementation shared by the scenario (posting) and the replay (verifying). */
export function toRecomputation(
  scores: ArrayLike<number>,
  ids: readonly string[],
  topK: number,
  nearTieIndices: readonly number[] = [],
  /** The posted shares when the method has its own rule (knn-shapley@2's tieFairShares). */
  top: Share[] = topShares(scores, ids, topK),
): Recomputation {
  return {
    scores: Array.from(scores),
    ids: [...ids],
    resultHash: resultArtifact(scores).hash,
    top,
    nearTies: nearTieIndices.map((i) => ids[i]),
  };
}
