import type { Matrix } from '../onnx/matrix.js';
import { knnShapleyFromOrder } from './knnShapley.js';
import { logitGradient, type TracinInput } from './tracinCp.js';

/**
 * Plain TypeScript loops for both methods: the slow reference the batched ONNX path is tested against and
 * the baseline of the benchmark. Distances use the direct Σ(q−x)² so an order disagreement with the
 * batched ‖q‖²−2q·x+‖x‖² can only come from rounding (tests use exactly representable data).
 */
export function knnShapleyLoop(
  train: Matrix,
  trainLabels: ArrayLike<number>,
  query: Float64Array,
  queryLabel: number,
  k: number,
): Float64Array {
  const n = train.rows;
  const e = train.cols;
  const d = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (let j = 0; j < e; j++) {
      const t = query[j] - train.data[i * e + j];
      s += t * t;
    }
    d[i] = s;
  }
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => d[a] - d[b] || a - b);
  return knnShapleyFromOrder(order, trainLabels, queryLabel, k);
}

/** TracIn-CP by the explicit last-layer gradient g = (p − e_y) ⊗ [h; 1], flattened, and its dot product. */
export function tracinLoop(input: TracinInput): Float64Array[] {
  const n = input.trainLabels.length;
  const m = input.queryLabels.length;
  const out = Array.from({ length: m }, () => new Float64Array(n));
  for (const c of input.checkpoints) {
    const gt = logitGradient(c.train.probs, input.trainLabels);
    const gq = logitGradient(c.queries.probs, input.queryLabels);
    const flat = (g: Matrix, h: Matrix, i: number) => {
      const v: number[] = [];
      for (let a = 0; a < g.cols; a++) {
        for (let b = 0; b < h.cols; b++) v.push(g.data[i * g.cols + a] * h.data[i * h.cols + b]);
        v.push(g.data[i * g.cols + a]);
      }
      return v;
    };
    const tg = Array.from({ length: n }, (_, i) => flat(gt, c.train.embeddings, i));
    for (let q = 0; q < m; q++) {
      const qg = flat(gq, c.queries.embeddings, q);
      for (let i = 0; i < n; i++) {
        let s = 0;
        for (let j = 0; j < qg.length; j++) s += qg[j] * tg[i][j];
        out[q][i] += c.lr * s;
      }
    }
  }
  return out;
}
