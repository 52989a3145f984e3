import { decodeSpanResult, type SpanRecord } from './spanResult.js';
import { decodeGeneratedOutput } from './textModelFormats.js';
import { normalizeText } from './wordsTokenizer.js';

export interface GeneratedSpans {
  /** The generated text (NFC, as span offsets count it). */
  text: string;
  /** The posting's spans whose offsets lie inside the text, each with its text. */
  spans: (SpanRecord & { text: string })[];
}

/**
 * What an explorer shows for a span-match@1 posting: the inference's generated text (its output artifact)
 * and the spans the posting's result artifact claims, each cut out of the text. Both artifacts are read
 * through a verifying store; a missing, corrupt or malformed one gives null (nothing to show, never an
 * error), and spans with offsets outside the text are left out (the result is the poster's claim: the
 * replay's verdict says whether it holds).
 */
export async function readGeneratedSpans(
  store: { get(hash: string): Promise<Uint8Array> },
  outputHash: string,
  resultHash: string,
): Promise<GeneratedSpans | null> {
  let text: string;
  let result: ReturnType<typeof decodeSpanResult>;
  try {
    text = normalizeText(decodeGeneratedOutput(await store.get(outputHash)));
    result = decodeSpanResult(await store.get(resultHash));
  } catch {
    return null;
  }
  if (!result) return null;
  const spans = result.spans
    .filter((s) => s.charStart < s.charEnd && s.charEnd <= text.length)
    .map((s) => ({ ...s, text: text.slice(s.charStart, s.charEnd) }));
  return { text, spans };
}
