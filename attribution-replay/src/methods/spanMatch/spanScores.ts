import type { MatchedSpan } from './findSpans.js';
import { log2Fixed } from './log2Fixed.js';

/**
 * span-match@1 scores, integers end to end (SPAN_MATCH.md): a span of `length` tokens that occurs `count`
 * times in a corpus of N tokens scores length × log2Fixed(N, count) (log2(N / count) with 16 fractional
 * bits): long spans and rare spans weigh more, a span as common as the corpus is long weighs nothing. The
 * span's score is split equally over the m contributions that contain it, floor(score / m) each, so equal
 * contributors always get equal credit. A contribution's score is the sum over the spans it contains.
 */
export function spanScore(span: Pick<MatchedSpan, 'length' | 'count'>, corpusTokens: number): bigint {
  return BigInt(span.length) * log2Fixed(corpusTokens, span.count);
}

/** Per-contribution scores in training order (bigint: exact at any corpus size). */
export function contributionScores(
  spans: readonly MatchedSpan[],
  corpusTokens: number,
  contributions: number,
): bigint[] {
  const scores = Array.from({ length: contributions }, () => 0n);
  for (const s of spans) {
    const share = spanScore(s, corpusTokens) / BigInt(s.docs.length);
    for (const d of s.docs) scores[d] += share;
  }
  return scores;
}
