import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { averageRanks, linearDatamodelingScore, spearman } from './lds.js';

describe('linear datamodeling score', () => {
  it('ranks and Spearman by hand', () => {
    expect(averageRanks([10, 30, 20, 20])).toEqual([1, 4, 2.5, 2.5]);
    expect(spearman([1, 2, 3], [10, 20, 30])).toBe(1);
    expect(spearman([1, 2, 3], [3, 2, 1])).toBe(-1);
    // ranks (1,2,3) vs (1,3,2): 1 − 6·Σd²/(n(n²−1)) = 1 − 6·2/24 = 0.5
    expect(spearman([1, 2, 3], [5, 9, 7])).toBeCloseTo(0.5, 12);
    expect(spearman([1, 1, 1], [1, 2, 3])).toBeNaN();
  });

  it('a hand-checkable case: 3 training points, 2 tests, 3 subsets', () => {
    // τ_0 = (1, 2, 4): subsets {0,1}→3, {1,2}→6, {0,2}→5; τ_1 = (0, 0, 1): 0, 1, 1 (a tie)
    const scores = [
      [1, 2, 4],
      [0, 0, 1],
    ];
    const subsets = [
      [0, 1],
      [1, 2],
      [0, 2],
    ];
    // measured: test 0 follows the prediction's order (3 < 5 < 6); test 1 is 0.2, 0.9, 0.5
    const actual = [
      [0.1, 0.2],
      [0.9, 0.9],
      [0.4, 0.5],
    ];
    const r = linearDatamodelingScore(scores, subsets, actual);
    // test 1: ranks (1, 2.5, 2.5) vs (1, 3, 2) → Pearson = 1.5/√(1.5·2) = √3/2
    expect(r.perTest[0]).toBe(1);
    expect(r.perTest[1]).toBeCloseTo(Math.sqrt(3) / 2, 12);
    expect(r.lds).toBeCloseTo((1 + Math.sqrt(3) / 2) / 2, 12);
    expect(r.skipped).toBe(0);
  });

  it('Spearman is invariant under monotone maps and bounded by 1', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: -50, max: 50 }), fc.integer({ min: -50, max: 50 })), {
          minLength: 3,
          maxLength: 40,
        }),
        (pairs) => {
          const a = pairs.map((p) => p[0]);
          const b = pairs.map((p) => p[1]);
          const rho = spearman(a, b);
          if (Number.isNaN(rho)) return;
          expect(Math.abs(rho)).toBeLessThanOrEqual(1 + 1e-12);
          expect(
            spearman(
              a.map((x) => x ** 3 + x),
              b,
            ),
          ).toBeCloseTo(rho, 9);
        },
      ),
    );
  });
});
