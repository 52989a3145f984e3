import { createHash } from 'node:crypto';
import type { MlpCheckpointWeights } from '../onnx/mlpWeights.js';

/**
 * TRAK written from the paper (Park et al. 2023, Algorithm 1) with plain float64 loops and nothing shared
 * with the fast path (trak.ts, trakGradientGraph.ts, trakProjection.ts) but the model weights: the forward
 * pass, the margin's backward pass, the flattened gradient, the projection bits read from the SHA-256
 * stream as METHODS.md specifies them, the kernel by Gauss–Jordan inversion. For tests on tiny models.
 */
export function trakReference(
  checkpoints: readonly MlpCheckpointWeights[],
  train: readonly (readonly number[])[],
  trainLabels: readonly number[],
  queries: readonly (readonly number[])[],
  queryLabels: readonly number[],
  params: { projDim: number; seed: number; damping: number },
): number[][] {
  const k = params.projDim;
  const n = train.length;
  const M = checkpoints.length;
  const tau = queries.map(() => new Array<number>(n).fill(0));
  const qbar = new Array<number>(n).fill(0);
  checkpoints.forEach((w, m) => {
    const grads = train.map((x, i) => marginGradient(w, x, trainLabels[i]));
    const qGrads = queries.map((x, j) => marginGradient(w, x, queryLabels[j]));
    const p = grads[0]?.g.length ?? 0;
    const sign = (r: number, c: number) => {
      const b = r * k + c;
      const hex = createHash('sha256')
        .update(`trak@1:${params.seed}:${m}:${Math.floor(b / 256)}`)
        .digest('hex');
      const bit = b % 256;
      const byte = Number.parseInt(hex.slice(2 * Math.floor(bit / 8), 2 * Math.floor(bit / 8) + 2), 16);
      return (byte >> (7 - (bit % 8))) % 2 === 1 ? 1 : -1;
    };
    const P: number[][] = [];
    for (let r = 0; r < p; r++) P.push(Array.from({ length: k }, (_, c) => sign(r, c) / Math.sqrt(k)));
    const project = (g: number[]) =>
      Array.from({ length: k }, (_, c) => {
        let s = 0;
        for (let r = 0; r < p; r++) s += P[r][c] * g[r];
        return s;
      });
    const Phi = grads.map((x) => project(x.g));
    const K: number[][] = Array.from({ length: k }, (_, a) =>
      Array.from({ length: k }, (_, b) => Phi.reduce((s, row) => s + row[a] * row[b], 0)),
    );
    let tr = 0;
    for (let a = 0; a < k; a++) tr += K[a][a];
    if (tr > 0) {
      for (let a = 0; a < k; a++) K[a][a] += (params.damping * tr) / k;
      const Kinv = invert(K);
      qGrads.forEach((qg, j) => {
        const phq = project(qg.g);
        const u = Array.from({ length: k }, (_, b) => phq.reduce((s, v, a) => s + v * Kinv[a][b], 0));
        for (let i = 0; i < n; i++) tau[j][i] += u.reduce((s, v, b) => s + v * Phi[i][b], 0) / M;
      });
    }
    grads.forEach((x, i) => {
      qbar[i] += (1 - x.py) / M;
    });
  });
  return tau.map((row) => row.map((v, i) => v * qbar[i]));
}

/** ∇θ of f = z_y − log Σ_{j≠y} exp z_j by the chain rule, flattened w1, b1, w2, b2, w3, b3 (row-major). */
function marginGradient(
  w: MlpCheckpointWeights,
  x: readonly number[],
  y: number,
): { g: number[]; py: number } {
  const [d, h, e, c] = w.dims;
  const layer = (inp: readonly number[], W: Float32Array, b: Float32Array, nIn: number, nOut: number) =>
    Array.from({ length: nOut }, (_, j) => {
      let s = b[j];
      for (let i = 0; i < nIn; i++) s += inp[i] * W[i * nOut + j];
      return s;
    });
  const z1 = layer(x, w.w1, w.b1, d, h);
  const a1 = z1.map((v) => Math.max(v, 0));
  const z2 = layer(a1, w.w2, w.b2, h, e);
  const a2 = z2.map((v) => Math.max(v, 0));
  const z3 = layer(a2, w.w3, w.b3, e, c);
  const mx = Math.max(...z3);
  const ex = z3.map((v) => Math.exp(v - mx));
  const total = ex.reduce((s, v) => s + v, 0);
  const others = ex.reduce((s, v, j) => (j === y ? s : s + v), 0);
  const d3 = ex.map((v, j) => (j === y ? 1 : -v / others));
  const d2 = a2.map((v, i) => (v > 0 ? d3.reduce((s, dv, j) => s + dv * w.w3[i * c + j], 0) : 0));
  const d1 = a1.map((v, i) => (v > 0 ? d2.reduce((s, dv, j) => s + dv * w.w2[i * e + j], 0) : 0));
  const g: number[] = [];
  for (let i = 0; i < d; i++) for (let j = 0; j < h; j++) g.push(x[i] * d1[j]);
  g.push(...d1);
  for (let i = 0; i < h; i++) for (let j = 0; j < e; j++) g.push(a1[i] * d2[j]);
  g.push(...d2);
  for (let i = 0; i < e; i++) for (let j = 0; j < c; j++) g.push(a2[i] * d3[j]);
  g.push(...d3);
  return { g, py: ex[y] / total };
}

/** Gauss–Jordan inverse with partial pivoting. */
function invert(A: number[][]): number[][] {
  const k = A.length;
  const M = A.map((r, i) => [...r, ...Array.from({ length: k }, (_, j) => (i === j ? 1 : 0))]);
  for (let col = 0; col < k; col++) {
    let piv = col;
    for (let r = col + 1; r < k; r++) if (Math.abs(M[r][col]) > Math.abs(M[piv][col])) piv = r;
    [M[col], M[piv]] = [M[piv], M[col]];
    const v = M[col][col];
    for (let j = 0; j < 2 * k; j++) M[col][j] /= v;
    for (let r = 0; r < k; r++) {
      if (r === col) continue;
      const f = M[r][col];
      if (f !== 0) for (let j = 0; j < 2 * k; j++) M[r][j] -= f * M[col][j];
    }
  }
  return M.map((r) => r.slice(k));
}
