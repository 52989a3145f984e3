import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { spanTopShares } from './spanShares.js';

const ids = (n: number) => Array.from({ length: n }, (_, i) => `c${i}`);
const big = (xs: number[]) => xs.map(BigInt);

describe('span-match@1 shares', () => {
  it('posts positive scores best first, whole tie groups, exact 1e6 when a score is unique', () => {
    const s = spanTopShares(big([0, 30, 10, 10, 10, 5]), ids(6), 2);
    expect(s.map((x) => x.contributionId)).toEqual(['c1', 'c2', 'c3', 'c4']);
    // the tie group (remainder 40/60 each) cannot take the last 2 ppm without a tie-break: the unique one does
    expect(s.map((x) => x.weightPpm)).toEqual([500002, 166666, 166666, 166666]);
    expect(s.reduce((a, x) => a + x.weightPpm, 0)).toBe(1_000_000);
  });

  it('never breaks a tie by id: a three-way tie alone sums to 999,999, each equal', () => {
    const s = spanTopShares(big([7, 7, 7]), ids(3), 1);
    expect(s.map((x) => x.weightPpm)).toEqual([333333, 333333, 333333]);
    expect(spanTopShares(big([0, 0]), ids(2), 2)).toEqual([]);
  });

  it('properties: equal scores get equal weights, ≤ 1e6, near the proportional share, id-blind', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 20 }), { minLength: 1, maxLength: 90 }),
        fc.integer({ min: 1, max: 64 }),
        (raw, k) => {
          const scores = big(raw);
          const shares = spanTopShares(scores, ids(raw.length), k);
          const sum = shares.reduce((a, x) => a + x.weightPpm, 0);
          expect(sum).toBeLessThanOrEqual(1_000_000);
          expect(shares.length).toBeLessThanOrEqual(64);
          const w = new Map<number, Set<number>>();
          for (const x of shares) w.set(x.score, (w.get(x.score) ?? new Set()).add(x.weightPpm));
          for (const set of w.values()) expect(set.size).toBe(1);
          // every posted score's whole group is posted
          for (const x of shares)
            expect(shares.filter((y) => y.score === x.score).length).toBe(
              raw.filter((r) => r === x.score).length,
            );
          const unique = shares.some((x) => shares.filter((y) => y.score === x.score).length === 1);
          if (unique) expect(sum).toBe(1_000_000);
          const total = shares.reduce((a, x) => a + x.score, 0);
          for (const x of shares)
            expect(Math.abs(x.weightPpm - (1e6 * x.score) / total)).toBeLessThanOrEqual(k + 1);
          // permuting the ids does not change who gets what
          const rev = spanTopShares([...scores].reverse(), ids(raw.length).reverse(), k);
          expect(new Map(rev.map((x) => [x.contributionId, x.weightPpm]))).toEqual(
            new Map(shares.map((x) => [x.contributionId, x.weightPpm])),
          );
        },
      ),
      { numRuns: 500 },
    );
  });
});
