import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { detokenize, normalizeText, tokenize, tokenizeWithOffsets } from './wordsTokenizer.js';

describe('words@1', () => {
  it('splits words, numbers and single punctuation, drops white space, keeps case', () => {
    expect(tokenize("Don't PANIC: 42 towels, ok?")).toEqual([
      'Don',
      "'",
      't',
      'PANIC',
      ':',
      '42',
      'towels',
      ',',
      'ok',
      '?',
    ]);
    expect(tokenize('  \n\t ')).toEqual([]);
    expect(tokenize('naïve café — 東京タワー')).toEqual(['naïve', 'café', '—', '東京タワー']);
  });

  it('is Unicode-aware: NFC first, so composed and decomposed forms give the same tokens', () => {
    expect(tokenize('cafe\u0301')).toEqual(tokenize('caf\u00e9'));
    expect(tokenize('e\u0301t\u00e9')).toEqual(['\u00e9t\u00e9']);
  });

  it('is total: lone surrogates become U+FFFD', () => {
    expect(tokenize('a\ud800b')).toEqual(['a', '\ufffd', 'b']);
  });

  it('offsets point into the normalized text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 60 }), (s) => {
        const norm = normalizeText(s);
        const toks = tokenizeWithOffsets(s);
        expect(toks.map((t) => t.text)).toEqual(tokenize(s));
        for (const t of toks) expect(norm.slice(t.start, t.end)).toBe(t.text);
        // tokens never overlap and never contain white space
        for (let i = 1; i < toks.length; i++) expect(toks[i].start).toBeGreaterThanOrEqual(toks[i - 1].end);
        for (const t of toks) expect(/\s/u.test(t.text)).toBe(false);
      }),
    );
  });

  it('detokenize round-trips: tokenize(detokenize(tokenize(s))) = tokenize(s)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 80 }), (s) => {
        const t = tokenize(s);
        expect(tokenize(detokenize(t))).toEqual(t);
      }),
    );
    expect(detokenize(['Hello', ',', 'world', '!', '(', 'yes', ')'])).toBe('Hello, world! (yes)');
  });
});
