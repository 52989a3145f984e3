import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { topShares } from './postings.js';
import { quantizeScore, tieFairShares } from './tieFairShares.js';

const ids = (n: number) => Array.from({ length: n }, (_, i) => String(100 + i));
const paid = (shares: { contributionId: string; weightPpm: number }[]) =>
  Object.fromEntries(shares.map((s) => [s.contributionId, s.weightPpm]));

/** Scores with many exact ties, as KNN-Shapley produces them (runs of same-label neighbours). */
const tiedScores = fc.array(fc.constantFrom(0, -0.05, 0.01, 0.02, 0.025, 0.1, 1 / 3, 0.125), {
  minLength: 1,
  maxLength: 150,
});
const anyScores = fc.oneof(
  tiedScores,
  fc.array(fc.double({ min: -1, max: 1, noNaN: true }), { minLength: 1, maxLength: 150 }),
);
/** A lottery key per training position that is not its id (in the engine: sha256 of query and content). */
const keyOf = (i: number) => `k${(i * 7919) % 1009}`.padStart(6, '0');

describe('knn-shapley@2 shares: the tie rule never pays by id', () => {
  it('the issue case: 8 slots, 20 tied neighbours share the 8 slots equally instead of ids 100..107', () => {
    const scores = [...Array(20).fill(0.05), 0.01, 0];
    const v1 = topShares(scores, ids(22), 8);
    expect(v1.map((s) => s.contributionId)).toEqual(ids(8)); // @1: earlier ids win
    const v2 = tieFairShares(scores, ids(22), 8, keyOf);
    expect(v2).toHaveLength(20);
    expect(new Set(v2.map((s) => s.weightPpm))).toEqual(new Set([50_000]));
    // a boundary group beside higher values: they keep their weight, the group shares 2 slots' worth
    const mixed = tieFairShares([0.4, 0.2, 0.1, 0.1, 0.1, 0.1], ids(6), 4, keyOf);
    expect(paid(mixed)).toEqual({
      100: 500_000,
      101: 250_000,
      102: 62_500,
      103: 62_500,
      104: 62_500,
      105: 62_500,
    });
    // a group of 3 alone: 333,333 each, the indivisible 1 ppm goes to the protocol
    expect(paid(tieFairShares([0.2, 0.2, 0.2], ids(3), 2, keyOf))).toEqual({
      100: 333_333,
      101: 333_333,
      102: 333_333,
    });
  });

  it('permuting the training order and renaming ids never changes who is paid or how much', () => {
    fc.assert(
      fc.property(anyScores, fc.integer({ min: 1, max: 64 }), fc.integer(), (scores, k, seed) => {
        const n = scores.length;
        const perm = Array.from({ length: n }, (_, i) => i).sort(
          (a, b) =>
            (((a * 2654435761 + seed) >>> 0) % 9973) - (((b * 2654435761 + seed) >>> 0) % 9973) || a - b,
        );
        const names = ids(n).map((_, i) => `c${i}`); // contribution i's content-bound name
        const base = paid(tieFairShares(scores, names, k, keyOf));
        // position j now holds contribution perm[j], with a fresh id that says nothing about it
        const fresh = perm.map((_, j) => String(5000 - j));
        const shares = tieFairShares(
          perm.map((i) => scores[i]),
          fresh,
          k,
          (j) => keyOf(perm[j]),
        );
        const back = Object.fromEntries(
          shares.map((s) => [names[perm[fresh.indexOf(s.contributionId)]], s.weightPpm]),
        );
        expect(back).toEqual(base);
      }),
    );
  });

  it('equal scores get equal weights; weights sum to 1e6 unless every group is tied; order by value', () => {
    fc.assert(
      fc.property(anyScores, fc.integer({ min: 1, max: 64 }), (scores, k) => {
        const shares = tieFairShares(scores, ids(scores.length), k, keyOf);
        expect(shares.length).toBeLessThanOrEqual(64);
        const byQ = new Map<bigint, Set<number>>();
        for (const s of shares) {
          const q = quantizeScore(s.score);
          expect(q).toBeGreaterThan(0n);
          byQ.set(q, (byQ.get(q) ?? new Set()).add(s.weightPpm));
        }
        for (const w of byQ.values()) expect(w.size).toBe(1);
        const sum = shares.reduce((a, s) => a + s.weightPpm, 0);
        const sizes = [...byQ.keys()].map((q) => shares.filter((s) => quantizeScore(s.score) === q).length);
        if (shares.length === 0) expect(scores.every((s) => quantizeScore(s) === 0n)).toBe(true);
        else if (sizes.includes(1)) expect(sum).toBe(1_000_000);
        else {
          expect(sum).toBeLessThanOrEqual(1_000_000);
          expect(1_000_000 - sum).toBeLessThan(Math.min(...sizes));
        }
        // a higher value is never paid less than a lower one
        for (let i = 1; i < shares.length; i++)
          if (shares[i - 1].score > shares[i].score)
            expect(shares[i - 1].weightPpm).toBeGreaterThanOrEqual(shares[i].weightPpm);
        // every positive score above the boundary is posted
        const posted = new Set(shares.map((s) => s.contributionId));
        const q = scores.map(quantizeScore).filter((x) => x > 0n);
        q.sort((a, b) => (a > b ? -1 : a < b ? 1 : 0));
        const boundary = q.length > k ? q[k - 1] : 0n;
        scores.forEach((s, i) => {
          if (quantizeScore(s) > boundary) expect(posted.has(ids(scores.length)[i])).toBe(true);
        });
      }),
    );
  });

  it('a tied group larger than 64 slots is drawn by lottery key, never by id, and shares the slots', () => {
    const scores = [0.5, ...Array(100).fill(0.01)];
    const shares = tieFairShares(scores, ids(101), 10, keyOf);
    expect(shares).toHaveLength(64);
    const drawn = shares.slice(1).map((s) => Number(s.contributionId) - 100);
    const expected = Array.from({ length: 100 }, (_, i) => i + 1)
      .sort((a, b) => (keyOf(a) < keyOf(b) ? -1 : 1))
      .slice(0, 63);
    expect(new Set(drawn)).toEqual(new Set(expected));
    expect(new Set(shares.slice(1).map((s) => s.weightPpm)).size).toBe(1);
    expect(() => tieFairShares(scores, ids(101), 10)).toThrow(/lottery/);
    expect(() => tieFairShares([Number.NaN], ids(1), 1)).toThrow(/finite/);
  });
});
