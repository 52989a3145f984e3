import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildCorpusIndex, encodeTokens, UNKNOWN } from './corpusIndex.js';
import { generate, greedyNext, nextTokenDistribution } from './infiniGram.js';

/** Brute force over the token sequence: longest suffix with an occurrence, then count the next tokens. */
function bruteDistribution(seq: number[], ctx: number[]) {
  const occ = (p: number[]) =>
    Array.from({ length: seq.length }, (_, i) => i).filter(
      (i) => i + p.length < seq.length && p.every((x, j) => seq[i + j] === x),
    );
  for (let l = ctx.length; l >= 0; l--) {
    const s = ctx.slice(ctx.length - l);
    const at = occ(s);
    if (at.length === 0 && l > 0) continue;
    const counts = new Map<number, number>();
    for (const i of at) counts.set(seq[i + l], (counts.get(seq[i + l]) ?? 0) + 1);
    return {
      suffixLength: l,
      total: at.length,
      counts: [...counts].sort((a, b) => a[0] - b[0]).map(([token, count]) => ({ token, count })),
    };
  }
  throw new Error('unreachable');
}

const words = fc.constantFrom('a', 'b', 'c', 'the', 'cat', '.', 'sat');
const doc = fc.array(words, { minLength: 0, maxLength: 12 }).map((w) => w.join(' '));

describe('∞-gram model', () => {
  it('next-token distribution equals a brute-force count on small corpora', () => {
    fc.assert(
      fc.property(
        fc.array(doc, { minLength: 1, maxLength: 6 }),
        fc.array(fc.oneof(words, fc.constant('zebra')), { maxLength: 6 }),
        (docs, ctx) => {
          const index = buildCorpusIndex(docs.map((text, i) => ({ contributionId: String(i), text })));
          const c = encodeTokens(index, ctx);
          const got = nextTokenDistribution(index, c);
          const want = bruteDistribution(Array.from(index.tokens), Array.from(c));
          expect(got).toEqual(want);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('backs off past words the corpus never saw and generates greedily, stopping at a separator', () => {
    const index = buildCorpusIndex([
      { contributionId: '1', text: 'the cat sat on the mat' },
      { contributionId: '2', text: 'the cat ate the fish' },
      { contributionId: '3', text: 'a dog sat on the mat' },
    ]);
    expect(encodeTokens(index, ['zebra'])[0]).toBe(UNKNOWN);
    const d = nextTokenDistribution(index, encodeTokens(index, ['zebra', 'sat', 'on']));
    expect(d.suffixLength).toBe(2);
    expect(index.vocab[greedyNext(d)]).toBe('the');
    expect(generate(index, 'zebra sat on', 10).text).toBe('the mat');
    expect(generate(index, 'the cat', 2).tokens).toHaveLength(2);
    // deterministic
    expect(generate(index, 'the', 20)).toEqual(generate(index, 'the', 20));
    expect(generate(buildCorpusIndex([]), 'x', 5).text).toBe('');
  });
});
