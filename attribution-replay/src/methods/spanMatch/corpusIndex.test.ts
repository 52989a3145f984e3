import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildCorpusIndex, docAt, encodeCorpusIndex, SEPARATOR } from './corpusIndex.js';
import { tokenize } from './wordsTokenizer.js';

describe('corpus index (the text model checkpoint)', () => {
  it('concatenates contributions with separators, ids by first occurrence, and maps positions back', () => {
    const ix = buildCorpusIndex([
      { contributionId: '5', text: 'a b a' },
      { contributionId: '8', text: '' },
      { contributionId: '9', text: 'b c' },
    ]);
    expect(ix.vocab).toEqual(['', 'a', 'b', 'c']);
    expect(Array.from(ix.tokens)).toEqual([1, 2, 1, SEPARATOR, SEPARATOR, 2, 3, SEPARATOR]);
    expect(Array.from(ix.docStarts)).toEqual([0, 4, 5]);
    expect([0, 3, 4, 5, 7].map((p) => docAt(ix, p))).toEqual([0, 0, 1, 2, 2]);
  });

  it('encodes to the same bytes whenever it is rebuilt from the same texts, and differently otherwise', () => {
    fc.assert(
      fc.property(
        fc.array(fc.string({ maxLength: 30 }), { maxLength: 6 }),
        fc.string({ maxLength: 5 }),
        (texts, extra) => {
          const docs = texts.map((text, i) => ({ contributionId: String(i), text }));
          const a = encodeCorpusIndex(buildCorpusIndex(docs));
          expect(encodeCorpusIndex(buildCorpusIndex(structuredClone(docs))).hash).toBe(a.hash);
          const changed = [...docs, { contributionId: 'x', text: extra }];
          expect(encodeCorpusIndex(buildCorpusIndex(changed)).hash).not.toBe(a.hash);
          const n = texts.reduce((s, t) => s + tokenize(t).length + 1, 0);
          const headerLen = new DataView(a.bytes.buffer).getUint32(8, true);
          expect(a.bytes.length).toBe(12 + headerLen + 8 * n);
        },
      ),
    );
  });
});
