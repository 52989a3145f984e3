import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Matrix } from '../onnx/matrix.js';
import { tracinLoop } from './reference.js';
import { tracinCpBatch } from './tracinCp.js';

const softmaxRows = (rows: number[][]): Matrix => {
  const p = rows.map((r) => {
    const m = Math.max(...r);
    const e = r.map((x) => Math.exp(x - m));
    const s = e.reduce((a, b) => a + b, 0);
    return e.map((x) => x / s);
  });
  return { rows: p.length, cols: p[0].length, data: Float64Array.from(p.flat()) };
};
const mat = (rows: number[][], cols: number): Matrix => ({
  rows: rows.length,
  cols,
  data: Float64Array.from(rows.flat()),
});

describe('tracin-cp@1', () => {
  it('equals Σ_c η_c ⟨g_c(z_i), g_c(z_q)⟩ with the explicit last-layer gradient (p − e_y) ⊗ [h; 1]', async () => {
    const num = fc.double({ min: -2, max: 2, noNaN: true });
    await fc.assert(
      fc.asyncProperty(
        fc
          .record({
            n: fc.integer({ min: 1, max: 12 }),
            m: fc.integer({ min: 1, max: 5 }),
            e: fc.integer({ min: 1, max: 6 }),
            c: fc.integer({ min: 2, max: 4 }),
            cps: fc.integer({ min: 1, max: 3 }),
          })
          .chain((d) =>
            fc.record({
              d: fc.constant(d),
              trainLabels: fc.array(fc.integer({ min: 0, max: d.c - 1 }), { minLength: d.n, maxLength: d.n }),
              queryLabels: fc.array(fc.integer({ min: 0, max: d.c - 1 }), { minLength: d.m, maxLength: d.m }),
              cps: fc.array(
                fc.record({
                  lr: fc.double({ min: 1e-4, max: 1, noNaN: true }),
                  th: fc.array(fc.array(num, { minLength: d.e, maxLength: d.e }), {
                    minLength: d.n,
                    maxLength: d.n,
                  }),
                  tl: fc.array(fc.array(num, { minLength: d.c, maxLength: d.c }), {
                    minLength: d.n,
                    maxLength: d.n,
                  }),
                  qh: fc.array(fc.array(num, { minLength: d.e, maxLength: d.e }), {
                    minLength: d.m,
                    maxLength: d.m,
                  }),
                  ql: fc.array(fc.array(num, { minLength: d.c, maxLength: d.c }), {
                    minLength: d.m,
                    maxLength: d.m,
                  }),
                }),
                { minLength: d.cps, maxLength: d.cps },
              ),
            }),
          ),
        async ({ d, trainLabels, queryLabels, cps }) => {
          const input = {
            trainLabels,
            queryLabels,
            checkpoints: cps.map((c) => ({
              lr: c.lr,
              train: { embeddings: mat(c.th, d.e), probs: softmaxRows(c.tl) },
              queries: { embeddings: mat(c.qh, d.e), probs: softmaxRows(c.ql) },
            })),
          };
          const fast = await tracinCpBatch(input);
          const slow = tracinLoop(input);
          slow.forEach((row, q) => {
            const scale = Math.max(...row.map(Math.abs));
            row.forEach((s, i) => {
              expect(Math.abs(fast.scores[q][i] - s)).toBeLessThanOrEqual(1e-12 * (1 + scale));
            });
          });
        },
      ),
      { numRuns: 60 },
    );
  });

  it('is positive when a training example pushes the query toward its label', async () => {
    const h = mat([[1, 0]], 2);
    const p = mat([[0.8, 0.2]], 2);
    const r = await tracinCpBatch({
      trainLabels: [0],
      queryLabels: [0],
      checkpoints: [{ lr: 0.5, train: { embeddings: h, probs: p }, queries: { embeddings: h, probs: p } }],
    });
    // ⟨(−0.2, 0.2), (−0.2, 0.2)⟩ · (1 + 1) · 0.5
    expect(r.scores[0][0]).toBeCloseTo(0.08, 15);
  });
});
