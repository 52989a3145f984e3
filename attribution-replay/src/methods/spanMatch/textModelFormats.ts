import { ArtifactMalformedError } from '../../artifacts/ArtifactStore.js';
import { canonicalBytes } from '../../artifacts/canonicalJson.js';
import { parseArtifactObject } from '../../artifacts/parseArtifactObject.js';
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

export function parseTextModelConfig(bytes: Uint8Array): TextModelConfig {
  const o = parseArtifactObject(bytes, 'text model training config');
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
  const o = parseArtifactObject(bytes, 'generated text output');
  if (typeof o.text !== 'string') throw new ArtifactMalformedError(sha256Hex(bytes), 'generated text output');
  return o.text;
}

export function decodeContributionText(bytes: Uint8Array): string {
  const o = parseArtifactObject(bytes, 'text contribution');
  if (typeof o.text !== 'string') throw new ArtifactMalformedError(sha256Hex(bytes), 'text contribution');
  return o.text;
}
