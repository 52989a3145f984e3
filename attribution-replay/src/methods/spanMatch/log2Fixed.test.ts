import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LOG2_FRACTION_BITS, log2Fixed } from './log2Fixed.js';

const ONE = 2 ** LOG2_FRACTION_BITS;

describe('log2Fixed', () => {
  it('is exact on powers of two and within 2^-16 (from below) of log2 elsewhere', () => {
    expect(log2Fixed(1, 1)).toBe(0n);
    expect(log2Fixed(8, 1)).toBe(BigInt(3 * ONE));
    expect(log2Fixed(1024, 4)).toBe(BigInt(8 * ONE));
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1e6 }), fc.integer({ min: 1, max: 1e9 }), (d, extra) => {
        const n = d + extra;
        const got = Number(log2Fixed(n, d)) / ONE;
        const want = Math.log2(n / d);
        expect(got).toBeLessThanOrEqual(want + 1e-9);
        expect(want - got).toBeLessThan(2 / ONE);
      }),
    );
  });

  it('is monotone in n / d and refuses n < d', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1e6 }), fc.integer({ min: 0, max: 1e6 }), (d, extra) => {
        expect(log2Fixed(d + extra + 1, d) >= log2Fixed(d + extra, d)).toBe(true);
      }),
    );
    expect(() => log2Fixed(1, 2)).toThrow(RangeError);
    expect(() => log2Fixed(1, 0)).toThrow(RangeError);
  });
});
