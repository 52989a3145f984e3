import { UserError } from '@ae/core/errors';
import * as ort from 'onnxruntime-node';
import { tracinGraph } from '../onnx/kernels.js';
import type { Matrix } from '../onnx/matrix.js';
import { kernelSession, type Provider, type SessionFactoryOptions } from '../onnx/session.js';

/** One posted checkpoint's view of the data: its learning rate and what it outputs for train and queries. */
export interface TracinCheckpoint {
  lr: number;
  train: { embeddings: Matrix; probs: Matrix };
  queries: { embeddings: Matrix; probs: Matrix };
}

export interface TracinInput {
  trainLabels: ArrayLike<number>;
  queryLabels: ArrayLike<number>;
  checkpoints: TracinCheckpoint[];
}

/** Loss gradient w.r.t. the logits of softmax cross-entropy, p − e_y, per row. */
export function logitGradient(probs: Matrix, labels: ArrayLike<number>): Matrix {
  const data = Float64Array.from(probs.data);
  for (let i = 0; i < probs.rows; i++) {
    const y = labels[i];
    if (!Number.isInteger(y) || y < 0 || y >= probs.cols)
      throw new UserError(`label ${y} is not a class of a ${probs.cols}-class model`);
    data[i * probs.cols + y] -= 1;
  }
  return { rows: probs.rows, cols: probs.cols, data };
}

const MAX_CELLS = 1 << 22;

/**
 * tracin-cp@1 (Pruthi et al. 2020, last layer): score(z_i, z_q) = Σ_c η_c ⟨p_c(x_i) − e_{y_i}, p_c(x_q) −
 * e_{y_q}⟩ · (⟨h_c(x_i), h_c(x_q)⟩ + 1). All checkpoints and a block of queries go to one ONNX graph (two
 * batched matrix products per checkpoint, float64); returns one score vector per query in training order.
 */
export async function tracinCpBatch(
  input: TracinInput,
  opts: SessionFactoryOptions = {},
): Promise<{ scores: Float64Array[]; provider: Provider }> {
  const cps = input.checkpoints;
  if (cps.length === 0) throw new UserError('tracin-cp needs at least one checkpoint');
  const n = input.trainLabels.length;
  const m = input.queryLabels.length;
  const e = cps[0].train.embeddings.cols;
  const p = cps[0].train.probs.cols;
  cps.forEach((c, i) => {
    if (!Number.isFinite(c.lr)) throw new UserError(`checkpoint ${i}: learning rate is not a finite number`);
    const shapes: [Matrix, number, number, string][] = [
      [c.train.embeddings, n, e, 'train embeddings'],
      [c.train.probs, n, p, 'train probs'],
      [c.queries.embeddings, m, e, 'query embeddings'],
      [c.queries.probs, m, p, 'query probs'],
    ];
    for (const [mat, r, k, what] of shapes)
      if (mat.rows !== r || (r > 0 && mat.cols !== k))
        throw new UserError(`checkpoint ${i}: ${what} must be ${r}×${k}, got ${mat.rows}×${mat.cols}`);
  });
  const C = cps.length;
  const gtt = new Float64Array(C * p * n);
  const htt = new Float64Array(C * e * n);
  const gq = cps.map((c) => logitGradient(c.queries.probs, input.queryLabels));
  cps.forEach((c, ci) => {
    const g = logitGradient(c.train.probs, input.trainLabels);
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < p; j++) gtt[ci * p * n + j * n + i] = g.data[i * p + j];
      for (let j = 0; j < e; j++) htt[ci * e * n + j * n + i] = c.train.embeddings.data[i * e + j];
    }
  });
  const scores: Float64Array[] = [];
  if (m === 0) return { scores, provider: 'cpu' };
  if (n === 0) return { scores: Array.from({ length: m }, () => new Float64Array(0)), provider: 'cpu' };
  const { session, provider } = await kernelSession('tracin-cp-f64', tracinGraph, opts);
  const chunk = Math.max(1, Math.floor(MAX_CELLS / (n * C)));
  const gttT = new ort.Tensor('float64', gtt, [C, p, n]);
  const httT = new ort.Tensor('float64', htt, [C, e, n]);
  const lrT = new ort.Tensor('float64', Float64Array.from(cps.map((c) => c.lr)), [C, 1, 1]);
  for (let from = 0; from < m; from += chunk) {
    const rows = Math.min(m, from + chunk) - from;
    const gqb = new Float64Array(C * rows * p);
    const hqb = new Float64Array(C * rows * e);
    cps.forEach((c, ci) => {
      gqb.set(gq[ci].data.subarray(from * p, (from + rows) * p), ci * rows * p);
      hqb.set(c.queries.embeddings.data.subarray(from * e, (from + rows) * e), ci * rows * e);
    });
    const out = await session.run({
      gq: new ort.Tensor('float64', gqb, [C, rows, p]),
      gtt: gttT,
      hq: new ort.Tensor('float64', hqb, [C, rows, e]),
      htt: httT,
      lr: lrT,
    });
    const s = out.scores.data as Float64Array;
    for (let r = 0; r < rows; r++) scores.push(Float64Array.from(s.subarray(r * n, (r + 1) * n)));
  }
  return { scores, provider };
}
