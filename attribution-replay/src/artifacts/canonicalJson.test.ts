import { UserError } from '@ae/core/errors';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from './canonicalJson.js';

describe('canonicalJson', () => {
  it('sorts keys, drops whitespace, prints numbers shortest round-trip', () => {
    expect(canonicalJson({ b: 1, a: [0.1, -0, 1e21, 2.5e-7], c: { z: null, y: 'é' } })).toBe(
      '{"a":[0.1,0,1e+21,2.5e-7],"b":1,"c":{"y":"é","z":null}}',
    );
  });

  it('is a function of the value only: key order does not matter, parse∘print is the identity', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        const s = canonicalJson(v);
        const back = JSON.parse(s);
        expect(canonicalJson(back)).toBe(s);
        if (v && typeof v === 'object' && !Array.isArray(v)) {
          const reversed = Object.fromEntries(Object.entries(v).reverse());
          expect(canonicalJson(reversed)).toBe(s);
        }
      }),
    );
  });

  it('keeps every float64 digit', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (x) => {
        expect(JSON.parse(canonicalJson([x]))[0]).toBe(Object.is(x, -0) ? 0 : x);
      }),
    );
  });

  it('refuses values JSON cannot hold exactly', () => {
    for (const bad of [Number.NaN, Number.POSITIVE_INFINITY, 1n, () => 1])
      expect(() => canonicalJson({ x: bad })).toThrow(UserError);
  });
});
