import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildCorpusIndex } from './corpusIndex.js';
import { generate } from './infiniGram.js';
import { LOG2_FRACTION_BITS } from './log2Fixed.js';
import { spanMatch } from './spanMatch.js';
import { spanResultArtifact } from './spanResult.js';

const P = { method: 'span-match@1', minLength: 3, topK: 4 } as const;

const corpus = [
  { contributionId: '11', text: 'the quick brown fox jumps over the lazy dog' },
  { contributionId: '12', text: 'a quick brown fox is rare . the lazy dog sleeps' },
  { contributionId: '13', text: 'nothing in common here at all' },
];

describe('span-match@1', () => {
  it('scores length × log2(N / count), split equally over the contributions that hold the span', () => {
    const index = buildCorpusIndex(corpus);
    const r = spanMatch(index, 'my quick brown fox jumps over the moon', P);
    const N = index.tokens.length;
    const one = 2 ** LOG2_FRACTION_BITS;
    expect(r.spans.map((s) => [s.length, s.count, s.contributions])).toEqual([[6, 1, ['11']]]);
    expect(Math.abs(r.spans[0].score / one - 6 * Math.log2(N / 1))).toBeLessThan(6 / one);
    expect(r.top).toEqual([{ contributionId: '11', weightPpm: 1_000_000, score: r.spans[0].score }]);
    const shared = spanMatch(index, 'so the lazy dog', P);
    expect(shared.spans[0].contributions).toEqual(['11', '12']);
    expect(shared.top.map((t) => t.weightPpm)).toEqual([500000, 500000]);
    expect(shared.scores[0]).toBe(Math.floor(shared.spans[0].score / 2));
  });

  it('replays bit for bit: same index bytes, same result hash, on rebuilt indexes', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), (prompt) => {
        const a = buildCorpusIndex(corpus);
        const b = buildCorpusIndex(corpus.map((c) => ({ ...c })));
        const out = generate(a, prompt, 12).text;
        const ra = spanMatch(a, out, P);
        const rb = spanMatch(b, out, P);
        expect(ra.resultHash).toBe(rb.resultHash);
        expect(ra.top).toEqual(rb.top);
        expect(spanResultArtifact({ scores: ra.scores, spans: ra.spans }).hash).toBe(ra.resultHash);
        expect(ra.checkResult?.(spanResultArtifact(rb).bytes)).toBeUndefined();
      }),
      { numRuns: 50 },
    );
  });

  it('a posted result with a forged span differs, naming the span', () => {
    const index = buildCorpusIndex(corpus);
    const r = spanMatch(index, 'the quick brown fox', P);
    const forged = spanResultArtifact({
      scores: r.scores,
      spans: r.spans.map((s) => ({ ...s, contributions: ['13'] })),
    });
    const d = r.checkResult?.(forged.bytes);
    expect(d?.summary).toMatch(/1 only posted, 1 only recomputed/);
    expect(r.checkResult?.(new TextEncoder().encode('{"kind":"nope"}'))?.summary).toMatch(/not a span-match/);
  });
});
