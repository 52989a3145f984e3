import type { MlpCheckpointWeights } from '../src/onnx/mlpWeights.js';

/**
 * Seeded tiny MLP weights for tests of methods that differentiate a checkpoint (xorshift32; values on a
 * 1/64 grid, so float32 holds them exactly and ONNX and float64 loops see the same numbers).
 */
export function tinyMlpWeights(seed: number, dims: [number, number, number, number]): MlpCheckpointWeights {
  let s = seed >>> 0 || 1;
  const next = () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    s >>>= 0;
    return ((s % 129) - 64) / 64;
  };
  const [d, h, e, c] = dims;
  const arr = (n: number) => Float32Array.from({ length: n }, next);
  return { dims, w1: arr(d * h), b1: arr(h), w2: arr(h * e), b2: arr(e), w3: arr(e * c), b3: arr(c) };
}
