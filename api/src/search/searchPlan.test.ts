import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { planSearch, prefixEnd } from './searchPlan.js';

const hexChars = fc.constantFrom(...'0123456789abcdef'.split(''));
const hex = (min: number, max: number) =>
  fc.array(hexChars, { minLength: min, maxLength: max }).map((a) => a.join(''));
/** Any case, as a checksummed address or a hash copied from another explorer. */
const anyCase = (s: string, mask: boolean[]) =>
  s
    .split('')
    .map((c, i) => (mask[i % mask.length] ? c.toUpperCase() : c))
    .join('');

describe('planSearch', () => {
  it('reads a whole address or hash in any case, with or without 0x', () => {
    fc.assert(
      fc.property(hex(40, 40), fc.array(fc.boolean(), { minLength: 1 }), fc.boolean(), (h, mask, x) => {
        const text = `${x ? '0x' : ''}${anyCase(h, mask)}`;
        expect(planSearch(text).address).toBe(`0x${h}`);
      }),
    );
    fc.assert(
      fc.property(hex(64, 64), fc.array(fc.boolean(), { minLength: 1 }), fc.boolean(), (h, mask, x) => {
        expect(planSearch(`  ${x ? '0X' : ''}${anyCase(h, mask)} `).hash).toBe(`0x${h}`);
      }),
    );
  });

  it('reads any prefix, and the shortened form with … or ...', () => {
    fc.assert(
      fc.property(hex(1, 63), fc.array(fc.boolean(), { minLength: 1 }), (h, mask) => {
        expect(planSearch(`0x${anyCase(h, mask)}`).prefix).toBe(`0x${h}`);
        if (h.length >= 4) expect(planSearch(anyCase(h, mask)).prefix).toBe(`0x${h}`);
      }),
    );
    fc.assert(
      fc.property(
        hex(2, 10),
        hex(2, 10),
        fc.constantFrom('…', '...', '..', ' … '),
        fc.boolean(),
        (a, b, sep, x) => {
          const p = planSearch(`${x ? '0x' : ''}${a.toUpperCase()}${sep}${b}`);
          expect(p).toEqual({ prefix: `0x${a}`, suffix: b });
        },
      ),
    );
  });

  it('reads ids, typed ids and names', () => {
    expect(planSearch('#012')).toEqual({ id: '12' });
    expect(planSearch('12')).toMatchObject({ id: '12', name: '12' });
    expect(planSearch('12').prefix).toBeUndefined();
    expect(planSearch('1234').prefix).toBe('0x1234');
    expect(planSearch('Model:3')).toEqual({ typed: { kind: 'model', id: '3' } });
    expect(planSearch('inference #5')).toEqual({ typed: { kind: 'inference', id: '5' } });
    expect(planSearch('tx 0xAB')).toEqual({ typed: { kind: 'tx', id: '0xab' } });
    expect(planSearch('Iris flowers')).toEqual({ name: 'Iris flowers' });
    expect(planSearch('   ')).toEqual({});
    expect(() => planSearch('x'.repeat(201))).toThrow(/too long/);
  });

  it('never throws on any other text', () => {
    fc.assert(fc.property(fc.string({ maxLength: 200 }), (s) => void planSearch(s)));
  });
});

describe('prefixEnd', () => {
  it('is above every string with the prefix and at or below every string after them', () => {
    fc.assert(
      fc.property(hex(1, 8), hex(0, 8), (p, rest) => {
        const prefix = `0x${p}`;
        const end = prefixEnd(prefix);
        expect(`${prefix}${rest}` < end).toBe(true);
        expect(end > prefix).toBe(true);
        expect(end.startsWith(prefix)).toBe(false);
      }),
    );
    expect(prefixEnd('0xd0f8')).toBe('0xd0f9');
    expect(prefixEnd('0xd0ff')).toBe('0xd1');
    expect(prefixEnd('0xff')).toBe('0y');
  });
});
