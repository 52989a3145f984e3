import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bucketCounts, featurize, fitFeaturizer, fnv1a } from './featurizer.js';

/** The documented definition, written the slow way: regex tokens on the ASCII-lowercased prefix. */
function specCounts(text: string, dim: number, maxChars: number): Map<number, number> {
  const lowered = text.slice(0, maxChars).replace(/[A-Z]/g, (c) => c.toLowerCase());
  const m = new Map<number, number>();
  for (const t of lowered.match(/[a-z0-9]{2,30}/g) ?? [])
    m.set(fnv1a(t) % dim, (m.get(fnv1a(t) % dim) ?? 0) + 1);
  return m;
}

describe('hashed-tfidf@1 featurizer', () => {
  it('FNV-1a matches the published test vectors', () => {
    expect(fnv1a('')).toBe(0x811c9dc5);
    expect(fnv1a('a')).toBe(0xe40c292c);
    expect(fnv1a('foobar')).toBe(0xbf9cf968);
  });

  it('the one-pass tokenizer equals the documented regex definition', () => {
    const chars = fc.constantFrom(
      ...'aZ09 x-yÉé\n$!QqLongwordzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz'.split(''),
    );
    fc.assert(
      fc.property(
        fc.array(chars, { maxLength: 120 }).map((a) => a.join('')),
        fc.integer({ min: 1, max: 64 }),
        fc.integer({ min: 1, max: 130 }),
        (t, dim, maxChars) => {
          expect(bucketCounts(t, dim, maxChars)).toEqual(specCounts(t, dim, maxChars));
        },
      ),
    );
  });

  it('gives unit-norm float32 features, deterministic, idf from training texts only', () => {
    const spec = fitFeaturizer(['free money now', 'meeting at noon', 'free lunch'], { dim: 64 });
    expect(spec.idf).toHaveLength(64);
    const f = featurize('FREE money, free!', spec);
    const norm = Math.sqrt(f.reduce((a, b) => a + b * b, 0));
    expect(norm).toBeCloseTo(1, 6);
    for (const v of f) expect(Math.fround(v)).toBe(v);
    expect(featurize('FREE money, free!', spec)).toEqual(f);
    expect(featurize('', spec).every((v) => v === 0)).toBe(true);
  });
});
