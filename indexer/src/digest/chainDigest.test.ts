import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalValue } from './canonicalRow.js';
import { chainDigest, GENESIS_DIGEST } from './chainDigest.js';

describe('chainDigest', () => {
  it('does not depend on the order rows were written in', () => {
    fc.assert(
      fc.property(fc.array(fc.string(), { maxLength: 20 }), fc.integer({ min: 0, max: 1e9 }), (rows, h) => {
        const shuffled = [...rows].reverse();
        expect(chainDigest(GENESIS_DIGEST, h, '0xab', shuffled)).toBe(
          chainDigest(GENESIS_DIGEST, h, '0xAB', rows),
        );
      }),
    );
  });

  it('changes with the previous digest, the height, the block hash and any row', () => {
    const base = chainDigest(GENESIS_DIGEST, 5, '0x01', ['a', 'b']);
    expect(chainDigest(`0x${'1'.repeat(64)}`, 5, '0x01', ['a', 'b'])).not.toBe(base);
    expect(chainDigest(GENESIS_DIGEST, 6, '0x01', ['a', 'b'])).not.toBe(base);
    expect(chainDigest(GENESIS_DIGEST, 5, '0x02', ['a', 'b'])).not.toBe(base);
    expect(chainDigest(GENESIS_DIGEST, 5, '0x01', ['a', 'c'])).not.toBe(base);
    expect(chainDigest(GENESIS_DIGEST, 5, '0x01', ['ab'])).not.toBe(base);
    expect(base).toMatch(/^0x[0-9a-f]{64}$/);
  });
});

describe('canonicalValue', () => {
  it('serializes values as Postgres gives them back and as handlers build them alike', () => {
    expect(canonicalValue(12n)).toBe('"12"');
    expect(canonicalValue(undefined)).toBe('null');
    expect(canonicalValue(null)).toBe('null');
    expect(canonicalValue(new Date(0))).toBe('"1970-01-01T00:00:00.000Z"');
    expect(canonicalValue({ b: 1, a: [1n, 'x'] })).toBe('{"a":["1","x"],"b":1}');
  });

  it('is injective on strings (hostile chain strings cannot forge another row)', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (a, b) => {
        if (a !== b) expect(canonicalValue(a)).not.toBe(canonicalValue(b));
      }),
    );
  });
});
