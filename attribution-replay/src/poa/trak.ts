import { UserError } from '@ae/core/errors';
import * as ort from 'onnxruntime-node';
import type { Matrix } from '../onnx/matrix.js';
import { type MlpCheckpointWeights, parameterCount } from '../onnx/mlpWeights.js';
import { kernelSession, type SessionFactoryOptions } from '../onnx/session.js';
import { trakGradientGraph } from '../onnx/trakGradientGraph.js';
import { projectionSigns } from './trakProjection.js';

/** trak@1's canonical parameters (METHODS.md). */
export interface TrakParams {
  method: 'trak@1';
  topK: number;
  /** k, the projection's dimension. */
  projDim: number;
  /** Seed of the projection stream (trakProjection.ts). */
  seed: number;
  /** Ridge λ = damping · tr(ΦᵀΦ)/k added to the kernel's diagonal, so it is always invertible; (0, 1000]. */
  damping: number;
}

/** The parameters the scenario, the score CLI and the LDS experiment use unless told otherwise. */
// damping 10 (λ = 10 × the kernel's mean eigenvalue): the best LDS of 0.01 / 0.1 / 1 / 10 here, seeds 7–9
// (BENCHMARKS.md: on one run's checkpoints and 200 messages the inverse kernel costs more than it gives)
export const TRAK_DEFAULTS = { projDim: 128, seed: 1, damping: 10 } as const;

/** One checkpoint's projected features: φ_i = Sᵀ∇θ f(z_i)/√k rows, and Q_ii = 1 − p_{y_i}. */
export interface TrakFeatures {
  phi: Matrix;
  q: Float64Array;
}

/** A checkpoint's training side, computed once per model: A = Φ (ΦᵀΦ + λI)⁻¹ [n,k] and Q. */
export interface TrakTrainSide {
  a: Matrix;
  q: Float64Array;
}

const MAX_CELLS = 1 << 22;
const f64 = (a: ArrayLike<number>, dims: number[]) => new ort.Tensor('float64', Float64Array.from(a), dims);

/**
 * Projected full-network gradients of a batch of examples through one ONNX graph (float64), in blocks of
 * rows so the [rows, P] gradient block stays near 32 MiB. `checkpoint` is the ensemble index m that keys
 * the projection stream.
 */
export async function trakFeatures(
  w: MlpCheckpointWeights,
  x: Matrix,
  labels: ArrayLike<number>,
  params: Pick<TrakParams, 'projDim' | 'seed'>,
  checkpoint: number,
  opts: SessionFactoryOptions = {},
): Promise<TrakFeatures> {
  const [d, h, e, c] = w.dims;
  const k = params.projDim;
  const p = parameterCount(w.dims);
  if (x.cols !== d) throw new UserError(`trak: features have ${x.cols} columns, the model takes ${d}`);
  const n = x.rows;
  const phi = new Float64Array(n * k);
  const q = new Float64Array(n);
  if (n === 0) return { phi: { rows: 0, cols: k, data: phi }, q };
  const { session } = await kernelSession('trak-gradients-f64', trakGradientGraph, opts);
  const fixed = {
    w1: f64(w.w1, [d, h]),
    b1: f64(w.b1, [h]),
    w2: f64(w.w2, [h, e]),
    b2: f64(w.b2, [e]),
    w3: f64(w.w3, [e, c]),
    b3: f64(w.b3, [c]),
    s: new ort.Tensor('float64', projectionSigns(params.seed, checkpoint, p, k), [p, k]),
  };
  const scale = 1 / Math.sqrt(k);
  const chunk = Math.max(1, Math.floor(MAX_CELLS / p));
  for (let from = 0; from < n; from += chunk) {
    const rows = Math.min(n, from + chunk) - from;
    const y = new Float64Array(rows * c);
    for (let r = 0; r < rows; r++) {
      const l = labels[from + r];
      if (!Number.isInteger(l) || l < 0 || l >= c)
        throw new UserError(`label ${l} is not a class of a ${c}-class model`);
      y[r * c + l] = 1;
    }
    const out = await session.run({
      ...fixed,
      x: new ort.Tensor('float64', Float64Array.from(x.data.subarray(from * d, (from + rows) * d)), [
        rows,
        d,
      ]),
      y: new ort.Tensor('float64', y, [rows, c]),
    });
    const ph = out.phi.data as Float64Array;
    for (let i = 0; i < rows * k; i++) phi[from * k + i] = ph[i] * scale;
    q.set(out.q.data as Float64Array, from);
  }
  return { phi: { rows: n, cols: k, data: phi }, q };
}

/** A = Φ (ΦᵀΦ + λI)⁻¹ by Cholesky (float64), λ = damping · tr(ΦᵀΦ)/k; all zero when Φ is. */
export function trakTrainSide(f: TrakFeatures, damping: number): TrakTrainSide {
  const { rows: n, cols: k, data: phi } = f.phi;
  const g = new Float64Array(k * k);
  for (let i = 0; i < n; i++) {
    const o = i * k;
    for (let a = 0; a < k; a++) {
      const v = phi[o + a];
      if (v === 0) continue;
      for (let b = a; b < k; b++) g[a * k + b] += v * phi[o + b];
    }
  }
  let trace = 0;
  for (let a = 0; a < k; a++) trace += g[a * k + a];
  const a = new Float64Array(n * k);
  if (trace === 0) return { a: { rows: n, cols: k, data: a }, q: f.q };
  const lambda = (damping * trace) / k;
  // lower Cholesky factor of the symmetric kernel (upper triangle of g holds it)
  const L = new Float64Array(k * k);
  for (let i = 0; i < k; i++) {
    for (let j = 0; j <= i; j++) {
      let s = g[j * k + i] + (i === j ? lambda : 0);
      for (let t = 0; t < j; t++) s -= L[i * k + t] * L[j * k + t];
      L[i * k + j] = i === j ? Math.sqrt(s) : s / L[j * k + j];
    }
  }
  // each row a_i solves K a_iᵀ = φ_iᵀ (K symmetric): forward then backward substitution
  const z = new Float64Array(k);
  for (let r = 0; r < n; r++) {
    for (let i = 0; i < k; i++) {
      let s = phi[r * k + i];
      for (let t = 0; t < i; t++) s -= L[i * k + t] * z[t];
      z[i] = s / L[i * k + i];
    }
    for (let i = k - 1; i >= 0; i--) {
      let s = z[i];
      for (let t = i + 1; t < k; t++) s -= L[t * k + i] * a[r * k + t];
      a[r * k + i] = s / L[i * k + i];
    }
  }
  return { a: { rows: n, cols: k, data: a }, q: f.q };
}

/**
 * TRAK (Park et al. 2023, Algorithm 1, without the optional soft-thresholding): τ(z_q)_i =
 * (1/M Σ_m φ_m(z_q)ᵀ (Φ_mᵀΦ_m + λ_m I)⁻¹ φ_m(z_i)) · (1/M Σ_m Q_m,ii), one score vector per query.
 */
export function trakScores(train: readonly TrakTrainSide[], queries: readonly Matrix[]): Float64Array[] {
  const M = train.length;
  if (M === 0 || queries.length !== M) throw new UserError('trak needs one query block per checkpoint');
  const { rows: n, cols: k } = train[0].a;
  const qbar = new Float64Array(n);
  for (const t of train) for (let i = 0; i < n; i++) qbar[i] += t.q[i] / M;
  const m = queries[0].rows;
  const out = Array.from({ length: m }, () => new Float64Array(n));
  for (let c = 0; c < M; c++) {
    const A = train[c].a.data;
    const Q = queries[c].data;
    for (let j = 0; j < m; j++) {
      const o = out[j];
      for (let i = 0; i < n; i++) {
        let s = 0;
        for (let t = 0; t < k; t++) s += Q[j * k + t] * A[i * k + t];
        o[i] += s / M;
      }
    }
  }
  for (const o of out) for (let i = 0; i < n; i++) o[i] *= qbar[i];
  return out;
}
