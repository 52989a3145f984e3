import { ArtifactMalformedError } from '../../artifacts/ArtifactStore.js';
import { canonicalBytes } from '../../artifacts/canonicalJson.js';
import { sha256Hex } from '../../artifacts/sha256.js';
import { TOKENIZER_ID } from './wordsTokenizer.js';

/**
 * Artifact formats of the ∞-gram text model, in one place for the model factory, the scenario and the
 * replay: a training config {"format":"model-factory/infini-gram@1","maxNewTokens":M,"tokenizer":"words@1"};
 * an inference input {"text":prompt} (as for every model); an inference output {"text":continuation}; a
 * contribution is any JSON object with a string "text" (labelled examples qualify; their label is unused).
 */
export const TEXT_MODEL_FORMAT = 'model-factory/infini-gram@1';

export interface TextModelConfig {
  format: typeof TEXT_MODEL_FORMAT;
  tokenizer: typeof TOKENIZER_ID;
  /** Most tokens an inference generates. */
  maxNewTokens: number;
}

export function encodeTextModelConfig(maxNewTokens: number): Uint8Array {
  return canonicalBytes({ format: TEXT_MODEL_FORMAT, maxNewTokens, tokenizer: TOKENIZER_ID });
}

function parseObject(bytes: Uint8Array, what: string): Record<string, unknown> {
  try {
    const v = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
    if (typeof v !== 'object' || v === null || Array.isArray(v)) throw new Error('not an object');
    return v;
  } catch (e) {
    throw new ArtifactMalformedError(sha256Hex(bytes), what, e);
  }
}

export function parseTextModelConfig(bytes: Uint8Array): TextModelConfig {
  const o = parseObject(bytes, 'text model training config');
  if (
    o.format !== TEXT_MODEL_FORMAT ||
    o.tokenizer !== TOKENIZER_ID ||
    !Number.isSafeInteger(o.maxNewTokens) ||
    (o.maxNewTokens as number) < 1
  )
    throw new ArtifactMalformedError(sha256Hex(bytes), `${TEXT_MODEL_FORMAT} training config`);
  return { format: TEXT_MODEL_FORMAT, tokenizer: TOKENIZER_ID, maxNewTokens: o.maxNewTokens as number };
}

export function encodeGeneratedOutput(text: string): Uint8Array {
  return canonicalBytes({ text });
}

export function decodeGeneratedOutput(bytes: Uint8Array): string {
  const o = parseObject(bytes, 'generated text output');
  if (typeof o.text !== 'string') throw new ArtifactMalformedError(sha256Hex(bytes), 'generated text output');
  return o.text;
}

export function decodeContributionText(bytes: Uint8Array): string {
  const o = parseObject(bytes, 'text contribution');
  if (typeof o.text !== 'string') throw new ArtifactMalformedError(sha256Hex(bytes), 'text contribution');
  return o.text;
}
