import { UserError } from '@ae/core/errors';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../artifacts/canonicalJson.js';
import { sha256Hex } from '../artifacts/sha256.js';
import { compareAttribution } from './compareAttribution.js';
import {
  paramsArtifact,
  parseMethodParams,
  resultArtifact,
  scoreToWad,
  topShares,
  toRecomputation,
} from './postings.js';

const ids = (n: number) => Array.from({ length: n }, (_, i) => String(100 + i));

describe('from scores to postings', () => {
  it('weightPpm = round(1e6·max(s,0)/Σ max(s,0)) over the top-K, ties by training order', () => {
    const s = topShares([0.1, 0.3, -0.2, 0.3, 0.2], ids(5), 3);
    expect(s.map((x) => x.contributionId)).toEqual(['101', '103', '104']);
    expect(s.map((x) => x.weightPpm)).toEqual([375000, 375000, 250000]);
    expect(topShares([-1, -2], ids(2), 2).map((x) => x.weightPpm)).toEqual([0, 0]);
  });

  it('never posts more than 1e6 ppm and stays within rounding of the formula', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -1, max: 1, noNaN: true }), { minLength: 1, maxLength: 200 }),
        fc.integer({ min: 1, max: 64 }),
        (scores, k) => {
          const shares = topShares(scores, ids(scores.length), k);
          expect(shares.length).toBe(Math.min(k, scores.length));
          const sum = shares.reduce((a, b) => a + b.weightPpm, 0);
          expect(sum).toBeLessThanOrEqual(1_000_000);
          const pos = shares.reduce((a, b) => a + Math.max(b.score, 0), 0);
          for (const x of shares)
            expect(
              Math.abs(x.weightPpm - (pos > 0 ? (1e6 * Math.max(x.score, 0)) / pos : 0)),
            ).toBeLessThanOrEqual(1);
          for (let i = 1; i < shares.length; i++)
            expect(shares[i - 1].score).toBeGreaterThanOrEqual(shares[i].score);
        },
      ),
    );
  });

  it('resultHash and paramsHash are sha256 of canonical JSON', () => {
    expect(resultArtifact([0.5, -0.25]).hash).toBe(sha256Hex('[0.5,-0.25]'));
    const p = paramsArtifact({ method: 'knn-shapley@1', topK: 16, k: 10 });
    expect(new TextDecoder().decode(p.bytes)).toBe('{"k":10,"method":"knn-shapley@1","topK":16}');
    expect(p.hash).toBe(sha256Hex(canonicalJson({ method: 'knn-shapley@1', k: 10, topK: 16 })));
    expect(() => parseMethodParams({ method: 'knn-shapley@1', k: 0, topK: 4 })).toThrow(UserError);
    expect(() => parseMethodParams({ method: 'tracin-cp@1', topK: 65 })).toThrow(UserError);
    expect(() => parseMethodParams({ method: 'x@1', topK: 4 })).toThrow(UserError);
    expect(scoreToWad(0.25)).toBe(250000000000000000n);
    expect(scoreToWad(-1e-18)).toBe(-1n);
  });
});

describe('compareAttribution', () => {
  const scores = [0.4, 0.1, 0.3, 0.2, 0.0, 0.05];
  const rec = toRecomputation(scores, ids(6), 3);
  const honest = rec.top.map((t) => ({ contributionId: t.contributionId, weightPpm: t.weightPpm }));

  it('verifies the honest posting and small rounding differences', () => {
    expect(compareAttribution(honest, rec).verdict).toBe('VERIFIED');
    const nudged = honest.map((h, i) => ({ ...h, weightPpm: h.weightPpm + (i === 0 ? 60 : -60) }));
    const c = compareAttribution(nudged, rec, 100);
    expect(c.verdict).toBe('VERIFIED');
    expect(c.maxDeviationPpm).toBe(60);
  });

  it('flags moved weight with the over- and under-credited contributions', () => {
    const moved = honest.map((h, i) => ({
      ...h,
      weightPpm: h.weightPpm + (i === 2 ? 100_000 : i === 0 ? -100_000 : 0),
    }));
    const c = compareAttribution(moved, rec);
    expect(c.verdict).toBe('MISMATCH');
    expect(c.maxDeviationPpm).toBe(100_000);
    expect(c.overCredited).toEqual([honest[2].contributionId]);
    expect(c.underCredited).toEqual([honest[0].contributionId]);
    expect(c.recomputedTop).toEqual(rec.top);
  });

  it('flags a swapped-in contribution that was not in the top-K', () => {
    const swapped = [...honest.slice(0, 2), { contributionId: '105', weightPpm: honest[2].weightPpm }];
    const c = compareAttribution(swapped, rec);
    expect(c.verdict).toBe('MISMATCH');
    expect(c.overCredited).toEqual(['105']);
    expect(c.underCredited).toEqual([honest[2].contributionId]);
  });

  it('reports a near-tie in distance as such, not as fraud', () => {
    const swapped = [...honest.slice(0, 2), { contributionId: '105', weightPpm: honest[2].weightPpm }];
    const c = compareAttribution(swapped, { ...rec, nearTies: ['105', honest[2].contributionId] });
    expect(c.verdict).toBe('VERIFIED');
    expect(c.notes).toContain('105');
    expect(c.rows.filter((r) => r.flag === 'near-tie')).toHaveLength(2);
  });

  it('accepts another contribution with exactly the boundary score (a tie at the K-th place)', () => {
    const tied = toRecomputation([0.4, 0.2, 0.3, 0.2], ids(4), 3); // 101 and 103 tie; 101 wins by training order
    const other = tied.top.map((t) => (t.contributionId === '101' ? { ...t, contributionId: '103' } : t));
    expect(compareAttribution(other, tied).verdict).toBe('VERIFIED');
  });
});
