import { UserError } from '@ae/core/errors';
import { canonicalBytes } from '../../artifacts/canonicalJson.js';
import { type Bytes32Hex, sha256Hex } from '../../artifacts/sha256.js';
import { MAX_TOP_K } from '../../poa/postings.js';

export const SPAN_MATCH_METHOD = 'span-match@1';

/** Canonical parameters of span-match@1: shortest span counted (tokens) and how many contributions post. */
export interface SpanMatchParams {
  method: typeof SPAN_MATCH_METHOD;
  minLength: number;
  topK: number;
}

/** The longest minimum span length accepted (a bound, so hostile parameters cannot ask for nonsense). */
export const MAX_MIN_LENGTH = 256;

/** Validates span-match@1 parameters (hostile input from an artifact or a command line). */
export function parseSpanMatchParams(v: unknown): SpanMatchParams {
  const o = v as Record<string, unknown>;
  if (typeof o !== 'object' || o === null || Array.isArray(o))
    throw new UserError('span-match@1 parameters must be a JSON object');
  if (o.method !== SPAN_MATCH_METHOD) throw new UserError(`not ${SPAN_MATCH_METHOD} parameters`);
  if (Object.keys(o).length !== 3)
    throw new UserError('span-match@1 parameters are exactly {method, minLength, topK}');
  const { minLength, topK } = o;
  if (!Number.isInteger(minLength) || (minLength as number) < 1 || (minLength as number) > MAX_MIN_LENGTH)
    throw new UserError(`minLength must be an integer in 1..${MAX_MIN_LENGTH}`);
  if (!Number.isInteger(topK) || (topK as number) < 1 || (topK as number) > MAX_TOP_K)
    throw new UserError(`topK must be an integer in 1..${MAX_TOP_K}`);
  return { method: SPAN_MATCH_METHOD, minLength: minLength as number, topK: topK as number };
}

/** Canonical parameter bytes and their hash (the posting's paramsHash). */
export function spanParamsArtifact(params: SpanMatchParams): { bytes: Uint8Array; hash: Bytes32Hex } {
  const bytes = canonicalBytes(parseSpanMatchParams(params));
  return { bytes, hash: sha256Hex(bytes) };
}
