import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Matrix } from '../onnx/matrix.js';
import { tracinLoop } from './reference.js';
import { selfInfluence } from './selfInfluence.js';

const m = (rows: number, cols: number, v: number[]): Matrix => ({ rows, cols, data: Float64Array.from(v) });

describe('TracIn self-influence', () => {
  it('is the diagonal of tracin-cp with every training point as its own query', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 6 }),
        fc.array(fc.double({ min: 0, max: 2, noNaN: true }), { minLength: 18, maxLength: 18 }),
        fc.array(fc.double({ min: 0.01, max: 0.99, noNaN: true }), { minLength: 6, maxLength: 6 }),
        fc.array(fc.integer({ min: 0, max: 1 }), { minLength: 6, maxLength: 6 }),
        (n, h, p, y) => {
          const cps = [0.1, 0.03].map((lr, c) => {
            const emb = m(
              n,
              3,
              h.slice(0, n * 3).map((x) => x + c),
            );
            const probs = m(
              n,
              2,
              p.slice(0, n).flatMap((x) => [x, 1 - x]),
            );
            return { lr, train: { embeddings: emb, probs }, queries: { embeddings: emb, probs } };
          });
          const labels = y.slice(0, n);
          const full = tracinLoop({ trainLabels: labels, queryLabels: labels, checkpoints: cps });
          const self = selfInfluence({ trainLabels: labels, checkpoints: cps });
          for (let i = 0; i < n; i++) expect(self[i]).toBeCloseTo(full[i][i], 10);
        },
      ),
    );
  });

  it('by hand: p = (0.25, 0.75), y = 0, h = (1, 2), η = 0.5 → 0.5 · (0.75² + 0.75²) · 6', () => {
    const cp = { lr: 0.5, train: { embeddings: m(1, 2, [1, 2]), probs: m(1, 2, [0.25, 0.75]) } };
    expect(selfInfluence({ trainLabels: [0], checkpoints: [cp as never] })[0]).toBeCloseTo(3.375, 12);
  });
});
