import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sha256Hex } from '../artifacts/sha256.js';
import type { Matrix } from '../onnx/matrix.js';
import { orderEqualByKey } from './knnShapleyBatch.js';
import { knnShapleyV2 } from './knnShapleyV2.js';

const mat = (rows: number[][]): Matrix => ({
  rows: rows.length,
  cols: 2,
  data: Float64Array.from(rows.flat()),
});

/** Integer points on a small grid: exact distances, many exact distance ties and duplicates. */
const world = fc.integer({ min: 2, max: 40 }).chain((n) =>
  fc.record({
    points: fc.array(fc.tuple(fc.integer({ min: -2, max: 2 }), fc.integer({ min: -2, max: 2 })), {
      minLength: n,
      maxLength: n,
    }),
    labels: fc.array(fc.integer({ min: 0, max: 1 }), { minLength: n, maxLength: n }),
    query: fc.tuple(fc.integer({ min: -2, max: 2 }), fc.integer({ min: -2, max: 2 })),
    yq: fc.integer({ min: 0, max: 1 }),
    k: fc.integer({ min: 1, max: 6 }),
    topK: fc.integer({ min: 1, max: 8 }),
    shift: fc.integer({ min: 1, max: 1000 }),
  }),
);

describe('knn-shapley@2 end to end (ONNX distances, exact Shapley recursion, tie-fair shares)', () => {
  it('permuting the contributions and their ids never changes any value or who is paid', async () => {
    await fc.assert(
      fc.asyncProperty(world, async (w) => {
        const n = w.points.length;
        // a contribution is its content: (point, label, serial); its hash is what the engine keys on
        const content = w.points.map((p, i) => sha256Hex(`${p}|${w.labels[i]}|${i}`));
        const run = async (perm: number[], id: (j: number) => string) => {
          const [r] = await knnShapleyV2({
            params: { method: 'knn-shapley@2', k: w.k, topK: w.topK, representation: 'features' },
            train: mat(perm.map((i) => w.points[i])),
            trainLabels: perm.map((i) => w.labels[i]),
            queries: mat([w.query]),
            queryLabels: [w.yq],
            ids: perm.map((_, j) => id(j)),
            contentHashes: perm.map((i) => content[i]),
            queryHashes: [sha256Hex('query')],
          });
          const byContent = new Map(perm.map((i, j) => [id(j), content[i]]));
          return {
            paid: Object.fromEntries(r.top.map((s) => [byContent.get(s.contributionId)!, s.weightPpm])),
            values: Object.fromEntries(perm.map((i, j) => [content[i], r.scores[j]])),
          };
        };
        const identity = Array.from({ length: n }, (_, i) => i);
        const rotated = identity.map((i) => (i + w.shift) % n).reverse();
        const a = await run(identity, (j) => String(j + 1));
        const b = await run(rotated, (j) => String(10_000 - j));
        expect(b.values).toEqual(a.values);
        expect(b.paid).toEqual(a.paid);
      }),
      { numRuns: 60 },
    );
  });

  it('exactly equal distances are ordered by key; other positions and the distances stay put', () => {
    const order = orderEqualByKey([4, 2, 0, 3, 1], [0, 1, 1, 1, 2], ['c', 'x', 'z', 'a', 'b']);
    expect(Array.from(order)).toEqual([4, 3, 0, 2, 1]);
  });
});
