import type { Matrix, MlpCheckpointWeights } from '@ae/attribution-replay';

/**
 * The Model Factory's classifier: features → hidden (ReLU) → embedding (ReLU) → logits → softmax.
 * Weights are row-major [in, out] so that y = x·W + b matches the exported ONNX MatMul/Add exactly; the shape
 * is the replay's (it reads these weights back from a checkpoint's ONNX bytes for trak@1).
 */
export type MlpWeights = MlpCheckpointWeights;

export interface ForwardOutput {
  embedding: Matrix;
  probs: Matrix;
}

function affine(
  x: Float64Array,
  rows: number,
  w: Float32Array,
  b: Float32Array,
  nIn: number,
  nOut: number,
  relu: boolean,
): Float64Array {
  const out = new Float64Array(rows * nOut);
  for (let r = 0; r < rows; r++) {
    const o = r * nOut;
    for (let j = 0; j < nOut; j++) out[o + j] = b[j];
    for (let i = 0; i < nIn; i++) {
      const v = x[r * nIn + i];
      if (v === 0) continue;
      const wi = i * nOut;
      for (let j = 0; j < nOut; j++) out[o + j] += v * w[wi + j];
    }
    if (relu) for (let j = 0; j < nOut; j++) if (out[o + j] < 0) out[o + j] = 0;
  }
  return out;
}

/** Row-wise softmax, max-subtracted for stability. */
export function softmaxRows(z: Float64Array, rows: number, c: number): Float64Array {
  const out = new Float64Array(z.length);
  for (let r = 0; r < rows; r++) {
    let m = -Infinity;
    for (let j = 0; j < c; j++) m = Math.max(m, z[r * c + j]);
    let s = 0;
    for (let j = 0; j < c; j++) s += out[r * c + j] = Math.exp(z[r * c + j] - m);
    for (let j = 0; j < c; j++) out[r * c + j] /= s;
  }
  return out;
}

/** The TypeScript forward pass (float64 arithmetic on the float32 weights): the reference for the ONNX export. */
export function mlpForward(w: MlpWeights, features: Matrix): ForwardOutput {
  const [d, h, e, c] = w.dims;
  const n = features.rows;
  const a1 = affine(features.data, n, w.w1, w.b1, d, h, true);
  const a2 = affine(a1, n, w.w2, w.b2, h, e, true);
  const z = affine(a2, n, w.w3, w.b3, e, c, false);
  return {
    embedding: { rows: n, cols: e, data: a2 },
    probs: { rows: n, cols: c, data: softmaxRows(z, n, c) },
  };
}
