/** A span as the API gives it (Attribution.generatedAnswer.spans). */
export interface AnswerSpan {
  charStart: number;
  charEnd: number;
  text: string;
  count: number;
  score: string;
  contributionIds: string[];
}

/** A piece of the answer and the spans that cover it (none = plain text). */
export interface AnswerSegment {
  text: string;
  start: number;
  spans: AnswerSpan[];
}

/**
 * Cuts a generated answer at every span boundary, so overlapping spans (span-match@1 keeps every maximal
 * match, and maximal matches may overlap) still show as one highlighted run per piece, each piece knowing
 * all the spans that cover it. Offsets outside the text are clamped; the pieces always concatenate back to
 * the text (property-tested), so nothing of the answer is ever lost or repeated.
 */
export function answerSegments(text: string, spans: readonly AnswerSpan[]): AnswerSegment[] {
  const n = text.length;
  const clamp = (x: number) => Math.max(0, Math.min(n, Math.trunc(Number.isFinite(x) ? x : 0)));
  const valid = spans.filter((s) => clamp(s.charStart) < clamp(s.charEnd));
  const cuts = [...new Set([0, n, ...valid.flatMap((s) => [clamp(s.charStart), clamp(s.charEnd)])])].sort(
    (a, b) => a - b,
  );
  const out: AnswerSegment[] = [];
  for (let i = 0; i + 1 < cuts.length; i++) {
    const [a, b] = [cuts[i], cuts[i + 1]];
    out.push({
      text: text.slice(a, b),
      start: a,
      spans: valid.filter((s) => clamp(s.charStart) <= a && clamp(s.charEnd) >= b),
    });
  }
  return out;
}
