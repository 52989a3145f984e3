import type { ResultDifference } from '../../poa/postings.js';
import { decodeSpanResult, type SpanRecord, type SpanResult } from './spanResult.js';

const key = (s: SpanRecord) =>
  JSON.stringify([s.start, s.length, s.charStart, s.charEnd, s.count, s.score, s.contributions]);

/**
 * The posted result next to the recomputed one: undefined when byte for byte equal; otherwise the spans only
 * the posting claims, the spans only the replay finds, and how many scores differ — the dispute's evidence
 * that a posting credited text its contributions do not contain (or hid text they do).
 */
export function spanDifference(
  posted: Uint8Array,
  recomputed: Omit<SpanResult, 'kind'>,
  recomputedBytes: Uint8Array,
): ResultDifference | undefined {
  if (Buffer.from(posted).equals(Buffer.from(recomputedBytes))) return undefined;
  const p = decodeSpanResult(posted);
  if (!p)
    return {
      summary: 'the posted result is not a span-match@1 result document',
      details: {
        postedOnly: [],
        recomputedOnly: recomputed.spans,
        scoresDiffering: recomputed.scores.length,
      },
    };
  const mine = new Set(recomputed.spans.map(key));
  const theirs = new Set(p.spans.map(key));
  const postedOnly = p.spans.filter((s) => !mine.has(key(s)));
  const recomputedOnly = recomputed.spans.filter((s) => !theirs.has(key(s)));
  const n = Math.max(p.scores.length, recomputed.scores.length);
  let scoresDiffering = 0;
  for (let i = 0; i < n; i++) if (p.scores[i] !== recomputed.scores[i]) scoresDiffering++;
  return {
    summary: `posted spans differ from the replay: ${postedOnly.length} only posted, ${recomputedOnly.length} only recomputed, ${scoresDiffering} scores differ`,
    details: { postedOnly, recomputedOnly, scoresDiffering },
  };
}
