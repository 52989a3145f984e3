import { canonicalBytes } from '../../artifacts/canonicalJson.js';
import { type Bytes32Hex, sha256Hex } from '../../artifacts/sha256.js';

export const SPAN_RESULT_KIND = 'span-match-result@1';

/** One attributed span as the result artifact (and the API) carry it. */
export interface SpanRecord {
  start: number;
  length: number;
  charStart: number;
  charEnd: number;
  count: number;
  /** Integer span score (length × log2Fixed(N, count)). */
  score: number;
  /** Contribution ids that contain the span, training order. */
  contributions: string[];
}

/** The full result of span-match@1 for one generated text: every span and every contribution's score. */
export interface SpanResult {
  kind: typeof SPAN_RESULT_KIND;
  /** Integer scores in training order. */
  scores: number[];
  spans: SpanRecord[];
}

/** Canonical bytes of the result; their sha256 is the posting's resultHash. */
export function spanResultArtifact(r: Omit<SpanResult, 'kind'>): { bytes: Uint8Array; hash: Bytes32Hex } {
  const bytes = canonicalBytes({ kind: SPAN_RESULT_KIND, scores: r.scores, spans: r.spans });
  return { bytes, hash: sha256Hex(bytes) };
}

const isNat = (x: unknown) => Number.isSafeInteger(x) && (x as number) >= 0;

/**
 * Reads a posted result (hostile bytes): undefined unless it is a span-match@1 result whose every field
 * has its type. Used to show, as dispute evidence, which spans a posting claims that the replay does not.
 */
export function decodeSpanResult(bytes: Uint8Array): SpanResult | undefined {
  let o: Record<string, unknown>;
  try {
    o = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    return undefined;
  }
  if (typeof o !== 'object' || o === null || o.kind !== SPAN_RESULT_KIND) return undefined;
  if (!Array.isArray(o.scores) || !o.scores.every(isNat) || !Array.isArray(o.spans)) return undefined;
  const spans: SpanRecord[] = [];
  for (const s of o.spans as Record<string, unknown>[]) {
    if (typeof s !== 'object' || s === null) return undefined;
    const nums = ['start', 'length', 'charStart', 'charEnd', 'count', 'score'] as const;
    if (!nums.every((k) => isNat(s[k]))) return undefined;
    if (!Array.isArray(s.contributions) || !s.contributions.every((c) => typeof c === 'string'))
      return undefined;
    spans.push({
      start: s.start as number,
      length: s.length as number,
      charStart: s.charStart as number,
      charEnd: s.charEnd as number,
      count: s.count as number,
      score: s.score as number,
      contributions: s.contributions as string[],
    });
  }
  return { kind: SPAN_RESULT_KIND, scores: o.scores as number[], spans };
}
