import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildCorpusIndex } from './corpusIndex.js';
import { findSpans } from './findSpans.js';
import { tokenize } from './wordsTokenizer.js';

/** Brute force: every (i, j) window of the query, occurrences counted by scanning every document. */
function naiveSpans(docs: string[][], q: string[], minLength: number) {
  const occ = (p: string[]) => {
    let count = 0;
    const inDocs: number[] = [];
    docs.forEach((d, di) => {
      let here = 0;
      for (let i = 0; i + p.length <= d.length; i++) if (p.every((x, j) => d[i + j] === x)) here++;
      count += here;
      if (here) inDocs.push(di);
    });
    return { count, docs: inDocs };
  };
  const matches: { start: number; length: number }[] = [];
  for (let i = 0; i < q.length; i++) {
    let l = 0;
    while (i + l < q.length && occ(q.slice(i, i + l + 1)).count > 0) l++;
    if (l > 0) matches.push({ start: i, length: l });
  }
  // maximal = not inside another match
  return matches
    .filter(
      (m) =>
        !matches.some((o) => o !== m && o.start <= m.start && o.start + o.length >= m.start + m.length) &&
        m.length >= minLength,
    )
    .map((m) => ({ ...m, ...occ(q.slice(m.start, m.start + m.length)) }));
}

const words = fc.constantFrom('a', 'b', 'c', 'd', '.', 'x');
const text = (max: number) => fc.array(words, { maxLength: max }).map((w) => w.join(' '));

describe('maximal matching spans', () => {
  it('equal the brute-force maximal spans, counts and containing contributions', () => {
    fc.assert(
      fc.property(
        fc.array(text(15), { minLength: 1, maxLength: 5 }),
        text(14),
        fc.integer({ min: 1, max: 4 }),
        (docs, q, minLength) => {
          const index = buildCorpusIndex(docs.map((t, i) => ({ contributionId: `c${i}`, text: t })));
          const got = findSpans(index, q, minLength).map(({ start, length, count, docs }) => ({
            start,
            length,
            count,
            docs,
          }));
          expect(got).toEqual(naiveSpans(docs.map(tokenize), tokenize(q), minLength));
        },
      ),
      { numRuns: 400 },
    );
  });

  it('never crosses two contributions, and gives character offsets of the span', () => {
    const index = buildCorpusIndex([
      { contributionId: '7', text: 'free money now' },
      { contributionId: '9', text: 'click here' },
    ]);
    const text = 'Get free money now click here!';
    const spans = findSpans(index, text, 2);
    expect(spans.map((s) => text.slice(s.charStart, s.charEnd))).toEqual(['free money now', 'click here']);
    expect(spans.map((s) => s.docs)).toEqual([[0], [1]]);
  });
});
