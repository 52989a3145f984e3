import type { Recomputation } from '../../poa/postings.js';
import type { CorpusIndex } from './corpusIndex.js';
import { findSpans } from './findSpans.js';
import { spanDifference } from './spanDifference.js';
import type { SpanMatchParams } from './spanParams.js';
import { type SpanRecord, spanResultArtifact } from './spanResult.js';
import { contributionScores, spanScore } from './spanScores.js';
import { spanTopShares } from './spanShares.js';

/**
 * span-match@1 for one generated text, everything the posting and the replay need: the maximal spans (with
 * counts, contributions and scores), the contributions' integer scores, the result artifact and the top-K
 * shares. Integer arithmetic only, so a replay on any machine gives the same bytes (resultHash).
 */
export function spanMatch(
  index: CorpusIndex,
  text: string,
  params: SpanMatchParams,
): Recomputation & { spans: SpanRecord[] } {
  const n = index.tokens.length;
  const found = findSpans(index, text, params.minLength);
  const big = contributionScores(found, n, index.contributionIds.length);
  const spans: SpanRecord[] = found.map((s) => ({
    start: s.start,
    length: s.length,
    charStart: s.charStart,
    charEnd: s.charEnd,
    count: s.count,
    score: Number(spanScore(s, n)),
    contributions: s.docs.map((d) => index.contributionIds[d]),
  }));
  const scores = big.map(Number);
  const result = spanResultArtifact({ scores, spans });
  return {
    scores,
    ids: [...index.contributionIds],
    resultHash: result.hash,
    top: spanTopShares(big, index.contributionIds, params.topK),
    nearTies: [],
    spans,
    resultBytes: result.bytes,
    checkResult: (posted) => spanDifference(posted, { scores, spans }, result.bytes),
  };
}
