import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Matrix } from '../onnx/matrix.js';
import { knnShapleyFromOrder } from './knnShapley.js';
import { knnShapleyBatch } from './knnShapleyBatch.js';
import { knnShapleyLoop } from './reference.js';

/** U(S) = (1/K)·Σ over the min(K,|S|) nearest members of S of 1[y = y_q]; S as a bitmask over rank positions. */
function utility(mask: number, match: number[], k: number): number {
  let taken = 0;
  let u = 0;
  for (let r = 0; r < match.length && taken < k; r++)
    if (mask & (1 << r)) {
      u += match[r];
      taken++;
    }
  return u / k;
}

/** The Shapley definition, O(2^N): Σ_S |S|!(N−|S|−1)!/N! · (U(S∪{i}) − U(S)). Returns values by rank. */
function bruteShapley(match: number[], k: number): number[] {
  const n = match.length;
  const fact = [1];
  for (let i = 1; i <= n; i++) fact[i] = fact[i - 1] * i;
  const out = new Array(n).fill(0);
  for (let i = 0; i < n; i++)
    for (let mask = 0; mask < 1 << n; mask++) {
      if (mask & (1 << i)) continue;
      let size = 0;
      for (let b = mask; b; b &= b - 1) size++;
      out[i] +=
        ((fact[size] * fact[n - size - 1]) / fact[n]) *
        (utility(mask | (1 << i), match, k) - utility(mask, match, k));
    }
  return out;
}

const smallCase = fc
  .record({
    n: fc.integer({ min: 1, max: 8 }),
    k: fc.integer({ min: 1, max: 10 }),
    seed: fc.integer(),
  })
  .chain(({ n, k }) =>
    fc.record({
      k: fc.constant(k),
      // integer coordinates: every distance is exact in float64, and duplicates give real ties
      train: fc.array(fc.tuple(fc.integer({ min: -3, max: 3 }), fc.integer({ min: -3, max: 3 })), {
        minLength: n,
        maxLength: n,
      }),
      labels: fc.array(fc.integer({ min: 0, max: 2 }), { minLength: n, maxLength: n }),
      query: fc.tuple(fc.integer({ min: -3, max: 3 }), fc.integer({ min: -3, max: 3 })),
      yq: fc.integer({ min: 0, max: 2 }),
    }),
  );

const mat = (rows: number[][]): Matrix => ({
  rows: rows.length,
  cols: rows[0]?.length ?? 2,
  data: Float64Array.from(rows.flat()),
});

describe('knn-shapley@1', () => {
  it('equals the O(2^N) Shapley definition, K ≤ N and K > N alike', () => {
    fc.assert(
      fc.property(smallCase, ({ k, train, labels, query, yq }) => {
        const d = train.map(([x, y]) => (x - query[0]) ** 2 + (y - query[1]) ** 2);
        const order = train.map((_, i) => i).sort((a, b) => d[a] - d[b] || a - b);
        const s = knnShapleyFromOrder(order, labels, yq, k);
        const brute = bruteShapley(
          order.map((i) => (labels[i] === yq ? 1 : 0)),
          k,
        );
        order.forEach((i, r) => {
          expect(s[i]).toBeCloseTo(brute[r], 12);
        });
      }),
      { numRuns: 300 },
    );
  });

  it('is efficient: the values of a query sum to U(all) − U(∅)', () => {
    fc.assert(
      fc.property(
        fc
          .integer({ min: 1, max: 60 })
          .chain((n) =>
            fc.tuple(
              fc.array(fc.integer({ min: 0, max: 1 }), { minLength: n, maxLength: n }),
              fc.integer({ min: 1, max: 80 }),
            ),
          ),
        ([match, k]) => {
          const order = match.map((_, i) => i);
          const s = knnShapleyFromOrder(order, match, 1, k);
          const total = s.reduce((a, b) => a + b, 0);
          let u = 0;
          for (let r = 0; r < Math.min(k, match.length); r++) u += match[r];
          expect(total).toBeCloseTo(u / k, 12);
        },
      ),
    );
  });

  it('the batched ONNX path (float64 distances, TopK) equals the plain loop bit for bit, ties by training order', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 40 }),
        fc.integer({ min: 1, max: 6 }),
        fc.integer({ min: 1, max: 50 }),
        fc.integer(),
        async (n, m, k, seed) => {
          let s = seed >>> 0;
          const rnd = () => {
            s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
            return (s % 7) - 3;
          };
          const train = Array.from({ length: n }, () => [rnd(), rnd(), rnd()]);
          const labels = train.map(() => (rnd() > 0 ? 1 : 0));
          const queries = Array.from({ length: m }, () => [rnd(), rnd(), rnd()]);
          const ql = queries.map(() => (rnd() > 0 ? 1 : 0));
          const r = await knnShapleyBatch({
            train: mat(train),
            trainLabels: labels,
            queries: mat(queries),
            queryLabels: ql,
            k,
          });
          queries.forEach((q, i) => {
            expect(Array.from(r.scores[i])).toEqual(
              Array.from(knnShapleyLoop(mat(train), labels, Float64Array.from(q), ql[i], k)),
            );
          });
        },
      ),
      { numRuns: 40 },
    );
  });

  it('is exact on real-valued data: duplicates tie by training order wherever they sit, batching changes nothing', async () => {
    let seed = 99;
    const rnd = () => {
      seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0;
      return Math.fround(seed / 2 ** 32 - 0.5);
    };
    const e = 16;
    const n = 1003;
    const dup = Array.from({ length: e }, rnd);
    const train = Array.from({ length: n }, (_, i) => (i % 7 === 0 ? dup : Array.from({ length: e }, rnd)));
    const labels = train.map((_, i) => (i * 2654435761) % 3);
    const queries = Array.from({ length: 9 }, (_, i) => (i === 0 ? dup : Array.from({ length: e }, rnd)));
    const ql = queries.map((_, i) => i % 3);
    const all = await knnShapleyBatch({
      train: mat(train),
      trainLabels: labels,
      queries: mat(queries),
      queryLabels: ql,
      k: 10,
    });
    for (let q = 0; q < queries.length; q++) {
      const alone = await knnShapleyBatch({
        train: mat(train),
        trainLabels: labels,
        queries: mat([queries[q]]),
        queryLabels: [ql[q]],
        k: 10,
      });
      expect(Array.from(alone.scores[0])).toEqual(Array.from(all.scores[q]));
      expect(Array.from(all.scores[q])).toEqual(
        Array.from(knnShapleyLoop(mat(train), labels, Float64Array.from(queries[q]), ql[q], 10)),
      );
    }
  });

  it('reports a near-tie in distance between differently labelled neighbours', async () => {
    const train = mat([
      [1, 0],
      [1 + 1e-9, 0],
      [5, 5],
    ]);
    const r = await knnShapleyBatch({
      train,
      trainLabels: [0, 1, 0],
      queries: mat([[0, 0]]),
      queryLabels: [0],
      k: 2,
    });
    expect(r.nearTies[0]).toEqual([0, 1]);
    const far = await knnShapleyBatch({
      train: mat([
        [1, 0],
        [2, 0],
        [5, 5],
      ]),
      trainLabels: [0, 1, 0],
      queries: mat([[0, 0]]),
      queryLabels: [0],
      k: 2,
    });
    expect(far.nearTies[0]).toEqual([]);
    const exact = await knnShapleyBatch({
      train: mat([
        [1, 0],
        [1, 0],
        [5, 5],
      ]),
      trainLabels: [0, 1, 0],
      queries: mat([[0, 0]]),
      queryLabels: [0],
      k: 2,
    });
    expect(exact.nearTies[0]).toEqual([]); // an exact tie is settled by training order everywhere
  });
});
