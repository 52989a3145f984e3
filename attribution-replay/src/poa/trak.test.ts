import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { tinyMlpWeights as tinyWeights } from '../../test/tinyMlp.js';
import { mlpCheckpointOnnx } from '../onnx/mlpOnnx.js';
import { readMlpWeights } from '../onnx/mlpWeights.js';
import { parseMethodParams } from './postings.js';
import { trakFeatures, trakScores, trakTrainSide } from './trak.js';
import { projectionSigns } from './trakProjection.js';
import { trakReference } from './trakReference.js';

describe('trak@1', () => {
  it('pins the projection stream of METHODS.md (SHA-256 counter bits, msb first)', () => {
    const s = projectionSigns(7, 0, 2, 12);
    expect(Array.from(s)).toEqual(GOLDEN_SIGNS);
    // a different checkpoint index or seed is a different stream
    expect(Array.from(projectionSigns(7, 1, 2, 12))).not.toEqual(GOLDEN_SIGNS);
    expect(Array.from(projectionSigns(8, 0, 2, 12))).not.toEqual(GOLDEN_SIGNS);
  });

  it('reads a checkpoint’s weights back from its ONNX bytes', () => {
    const w = tinyWeights(3, [6, 4, 3, 2]);
    expect(readMlpWeights(mlpCheckpointOnnx(w))).toEqual(w);
    expect(() => readMlpWeights(new Uint8Array([1, 2, 3]))).toThrow();
  });

  it('fast path (ONNX gradients, Cholesky) agrees with the slow reference written from the paper', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          seed: fc.integer({ min: 1, max: 1e6 }),
          n: fc.integer({ min: 1, max: 9 }),
          m: fc.integer({ min: 1, max: 3 }),
          c: fc.integer({ min: 2, max: 3 }),
          cps: fc.integer({ min: 1, max: 3 }),
          k: fc.integer({ min: 1, max: 10 }),
          projSeed: fc.integer({ min: 0, max: 0xffffffff }),
          damping: fc.constantFrom(1e-3, 0.1, 1),
        }),
        async ({ seed, n, m, c, cps, k, projSeed, damping }) => {
          const dims: [number, number, number, number] = [7, 5, 4, c];
          const weights = Array.from({ length: cps }, (_, i) => tinyWeights(seed + 97 * i, dims));
          const rows = (count: number, off: number) =>
            Array.from({ length: count }, (_, i) =>
              Array.from({ length: 7 }, (_, j) => (((seed + off + i * 7 + j * 3) * 2654435761) % 17) / 16),
            );
          const train = rows(n, 1);
          const query = rows(m, 1000);
          const tl = train.map((_, i) => (seed + i) % c);
          const ql = query.map((_, i) => (seed + 2 * i) % c);
          const mat = (r: number[][]) => ({ rows: r.length, cols: 7, data: Float64Array.from(r.flat()) });
          const params = { projDim: k, seed: projSeed };
          const sides = [];
          const qs = [];
          for (const [i, w] of weights.entries()) {
            sides.push(trakTrainSide(await trakFeatures(w, mat(train), tl, params, i), damping));
            qs.push((await trakFeatures(w, mat(query), ql, params, i)).phi);
          }
          const fast = trakScores(sides, qs);
          const slow = trakReference(weights, train, tl, query, ql, { ...params, damping });
          const scale = Math.max(1e-12, ...slow.flat().map(Math.abs));
          for (let j = 0; j < m; j++)
            for (let i = 0; i < n; i++) expect(Math.abs(fast[j][i] - slow[j][i]) / scale).toBeLessThan(1e-9);
        },
      ),
      { numRuns: 25 },
    );
  });

  it('validates its canonical parameters', () => {
    const ok = { method: 'trak@1', topK: 8, projDim: 64, seed: 1, damping: 0.01 };
    expect(parseMethodParams(ok)).toEqual(ok);
    for (const bad of [
      { ...ok, projDim: 0 },
      { ...ok, projDim: 4096 },
      { ...ok, seed: -1 },
      { ...ok, seed: 1.5 },
      { ...ok, damping: 0 },
      { ...ok, damping: 1001 },
      { ...ok, damping: Number.NaN },
      { ...ok, extra: 1 },
    ])
      expect(() => parseMethodParams(bad)).toThrow();
  });
});

// sha256("trak@1:7:0:0") = 20 7b ec …: 0x20 = 00100000, 0x7b = 01111011, 0xec = 11101100
const GOLDEN_SIGNS = [-1, -1, 1, -1, -1, -1, -1, -1, -1, 1, 1, 1, 1, -1, 1, 1, 1, 1, 1, -1, 1, 1, -1, -1];
