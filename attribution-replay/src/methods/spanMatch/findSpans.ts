import { type CorpusIndex, docAt, encodeTokens } from './corpusIndex.js';
import { extendRange } from './suffixArray.js';
import { tokenizeWithOffsets } from './wordsTokenizer.js';

/** A maximal span of the generated text that occurs in the corpus. */
export interface MatchedSpan {
  /** First token (index in the generated text's words@1 tokens) and length in tokens. */
  start: number;
  length: number;
  /** UTF-16 offsets of the span in the NFC-normalized generated text: [charStart, charEnd). */
  charStart: number;
  charEnd: number;
  /** Occurrences of the span in the corpus. */
  count: number;
  /** Training-order indices of the contributions that contain the span, ascending. */
  docs: number[];
}

/**
 * The maximal spans of `text` that occur in the corpus with at least `minLength` tokens. For each start i,
 * r(i) is the end of the longest match from i (suffix-array range narrowed one token at a time); r is
 * non-decreasing, and the match at i is maximal (contained in no other match) exactly when i = 0 or
 * r(i) > r(i−1). Spans may overlap; no match crosses two contributions (separators never match).
 */
export function findSpans(index: CorpusIndex, text: string, minLength: number): MatchedSpan[] {
  const toks = tokenizeWithOffsets(text);
  const q = encodeTokens(
    index,
    toks.map((t) => t.text),
  );
  const { tokens, sa } = index;
  const out: MatchedSpan[] = [];
  let prevEnd = -1;
  for (let i = 0; i < q.length; i++) {
    let range: [number, number] = [0, sa.length];
    let len = 0;
    while (i + len < q.length && q[i + len] >= 0) {
      const next = extendRange(tokens, sa, range, len, q[i + len]);
      if (next[1] <= next[0]) break;
      range = next;
      len++;
    }
    const end = i + len;
    const maximal = end > prevEnd;
    prevEnd = Math.max(prevEnd, end);
    if (!maximal || len < minLength) continue;
    const docs = new Set<number>();
    for (let j = range[0]; j < range[1]; j++) docs.add(docAt(index, sa[j]));
    out.push({
      start: i,
      length: len,
      charStart: toks[i].start,
      charEnd: toks[end - 1].end,
      count: range[1] - range[0],
      docs: [...docs].sort((a, b) => a - b),
    });
  }
  return out;
}
