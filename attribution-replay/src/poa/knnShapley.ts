import { UserError } from '@ae/core/errors';

/**
 * knn-shapley@1 given the neighbour order of one query (Jia et al. 2019, Theorem 1): exact Shapley values of
 * the K-NN utility U(S) = (1/K)·Σ_{j ≤ min(K,|S|)} 1[y(j-th nearest in S) = y_q]. With α_1…α_N the training
 * points by increasing distance (ties by training order):
 *   s(α_N) = 1[y(α_N)=y_q] / max(N, K)
 *   s(α_i) = s(α_{i+1}) + (1[y(α_i)=y_q] − 1[y(α_{i+1})=y_q]) / K · min(K, i) / i
 * Float64 in this fixed order, so every replay of the same order is bit-identical. Returns the scores in
 * training order (out[order[i]] is the value of the (i+1)-th nearest).
 */
export function knnShapleyFromOrder(
  order: ArrayLike<number>,
  labels: ArrayLike<number>,
  queryLabel: number,
  k: number,
  out: Float64Array = new Float64Array(labels.length),
): Float64Array {
  const n = labels.length;
  if (order.length !== n) throw new UserError(`order has ${order.length} entries for ${n} training points`);
  if (!Number.isInteger(k) || k < 1) throw new UserError(`K must be an integer ≥ 1, got ${k}`);
  if (n === 0) return out;
  let next = order[n - 1];
  let mNext = labels[next] === queryLabel ? 1 : 0;
  let s = mNext / Math.max(n, k);
  out[next] = s;
  for (let i = n - 1; i >= 1; i--) {
    const cur = order[i - 1];
    const m = labels[cur] === queryLabel ? 1 : 0;
    s = s + ((m - mNext) / k) * (Math.min(k, i) / i);
    out[cur] = s;
    next = cur;
    mNext = m;
  }
  return out;
}
