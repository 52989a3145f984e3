import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { extendRange, findRange, nextTokenCounts, suffixArray } from './suffixArray.js';

/** The naive reference: sort suffix start positions by comparing the suffixes token by token. */
function naiveSuffixArray(s: number[]): number[] {
  const cmp = (a: number, b: number) => {
    while (a < s.length && b < s.length) {
      if (s[a] !== s[b]) return s[a] - s[b];
      a++;
      b++;
    }
    return a < s.length ? 1 : b < s.length ? -1 : 0;
  };
  return Array.from({ length: s.length }, (_, i) => i).sort(cmp);
}

function bruteCount(s: number[], p: number[]): number {
  let c = 0;
  for (let i = 0; i < s.length && i + p.length <= s.length; i++) if (p.every((x, j) => s[i + j] === x)) c++;
  return c;
}

const seq = (alphabet: number, max = 80) =>
  fc.array(fc.integer({ min: 0, max: alphabet }), { maxLength: max });

describe('suffix array (prefix doubling)', () => {
  it('equals the naive sort on random sequences, small and large alphabets', () => {
    fc.assert(
      fc.property(fc.oneof(seq(2), seq(5), seq(1000)), (s) => {
        expect(Array.from(suffixArray(Int32Array.from(s)))).toEqual(naiveSuffixArray(s));
      }),
      { numRuns: 300 },
    );
    expect(Array.from(suffixArray(Int32Array.from([1, 1, 1, 1])))).toEqual([3, 2, 1, 0]);
    expect(Array.from(suffixArray(new Int32Array(0)))).toEqual([]);
  });

  it('counts by binary search equal brute-force counts', () => {
    fc.assert(
      fc.property(seq(3, 60), fc.array(fc.integer({ min: 0, max: 3 }), { maxLength: 5 }), (s, p) => {
        const t = Int32Array.from(s);
        const sa = suffixArray(t);
        const [lo, hi] = findRange(t, sa, p);
        expect(hi - lo).toBe(bruteCount(s, p));
        for (let i = lo; i < hi; i++) expect(p.every((x, j) => s[sa[i] + j] === x)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('extendRange and nextTokenCounts agree with findRange and brute force', () => {
    fc.assert(
      fc.property(seq(3, 60), fc.array(fc.integer({ min: 0, max: 3 }), { maxLength: 4 }), (s, p) => {
        const t = Int32Array.from(s);
        const sa = suffixArray(t);
        let r: [number, number] = [0, sa.length];
        for (let d = 0; d < p.length; d++) r = extendRange(t, sa, r, d, p[d]);
        expect(r).toEqual(findRange(t, sa, p));
        const next = nextTokenCounts(t, sa, r, p.length);
        // occurrences at the very end have no next token (-1); every other one is counted by its token
        const atEnd = p.length > 0 && p.every((x, j) => s[s.length - p.length + j] === x) ? 1 : 0;
        for (const { token, count } of next)
          expect(count).toBe(token < 0 ? atEnd : bruteCount(s, [...p, token]));
        expect(next.reduce((a, b) => a + b.count, 0)).toBe(bruteCount(s, p));
      }),
      { numRuns: 300 },
    );
  });
});
