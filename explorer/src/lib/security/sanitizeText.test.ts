import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hasInvisibleChars, sanitizeText } from './sanitizeText.js';

const FORBIDDEN = [
  0x202a, 0x202b, 0x202c, 0x202d, 0x202e, 0x2066, 0x2067, 0x2068, 0x2069, 0x200b, 0x200c, 0x200d, 0x200e,
  0x200f, 0x2060, 0xfeff, 0x061c, 0x180e, 0x00, 0x1b, 0x7f, 0x85,
];
const forbiddenChar = fc.constantFrom(...FORBIDDEN.map((c) => String.fromCharCode(c)));
const mixed = fc
  .array(fc.oneof(fc.string({ unit: 'grapheme', maxLength: 4 }), forbiddenChar), { maxLength: 40 })
  .map((a) => a.join(''));

describe('sanitizeText', () => {
  it('removes every bidi-override, zero-width and control character', () => {
    fc.assert(
      fc.property(mixed, (s) => {
        const out = sanitizeText(s, 10_000);
        for (const c of FORBIDDEN) expect(out.includes(String.fromCharCode(c))).toBe(false);
        expect(hasInvisibleChars(out)).toBe(false);
      }),
    );
  });

  it('is idempotent and keeps visible text untouched', () => {
    fc.assert(
      fc.property(mixed, (s) => {
        const once = sanitizeText(s, 10_000);
        expect(sanitizeText(once, 10_000)).toBe(once);
      }),
    );
    fc.assert(
      fc.property(fc.stringMatching(/^[a-zA-Z0-9 <>"'=/().-]{0,50}$/), (s) => {
        expect(sanitizeText(s)).toBe(s);
      }),
    );
  });

  it('unmasks a right-to-left override look-alike', () => {
    expect(sanitizeText('evil\u202Egpj.exe')).toBe('evilgpj.exe');
    expect(hasInvisibleChars('a\u200Bb')).toBe(true);
    expect(sanitizeText('x'.repeat(300), 10)).toHaveLength(10);
    expect(sanitizeText(null)).toBe('');
  });
});
