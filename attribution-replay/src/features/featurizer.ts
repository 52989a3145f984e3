import { UserError } from '@ae/core/errors';

/**
 * hashed-tfidf@1, the featurizer of text contributions. Deterministic and documented so a replay rebuilds
 * the exact model input from a contribution's text and the training config:
 * 1. take the first `maxChars` UTF-16 code units;
 * 2. tokens = runs of ASCII letters/digits, letters lowercased, cut at 30 chars, kept when ≥ 2 long;
 * 3. bucket = FNV-1a 32-bit of the token's bytes (ASCII) mod `dim`;
 * 4. value = ln(1 + count) · idf[bucket], idf = ln((1 + n) / (1 + df)) + 1 fitted on the training split;
 * 5. L2-normalize, then round each value to float32 (the ONNX input type).
 */
export interface FeaturizerSpec {
  name: 'hashed-tfidf';
  version: 1;
  dim: number;
  maxChars: number;
  idf: number[];
}

/** FNV-1a, 32 bit, over the char codes of an ASCII string. */
export function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

const MAX_TOKEN = 30;

/**
 * Bucket counts of one text: the sparse term frequencies before weighting. A token is a run of ASCII
 * letters and digits (letters lowercased; every other character separates), cut into pieces of at most 30
 * characters, kept when at least 2 long — the same as matching /[a-z0-9]{2,30}/g on the ASCII-lowercased
 * text. One pass over char codes, hashing as it goes (no substrings): featurizing is the trainer's hot loop.
 */
export function bucketCounts(text: string, dim: number, maxChars: number): Map<number, number> {
  const counts = new Int32Array(dim);
  const touched = countInto(text, dim, maxChars, counts);
  return new Map(Array.from(touched, (b) => [b, counts[b]]));
}

/** Adds the text's bucket counts into `counts`; returns the buckets it touched, ascending. */
function countInto(text: string, dim: number, maxChars: number, counts: Int32Array): Int32Array {
  const touched: number[] = [];
  const end = Math.min(text.length, maxChars);
  let h = 0x811c9dc5;
  let len = 0;
  for (let i = 0; i <= end; i++) {
    let c = i < end ? text.charCodeAt(i) : 32;
    if (c >= 65 && c <= 90) c += 32;
    const word = (c >= 97 && c <= 122) || (c >= 48 && c <= 57);
    if ((!word || len === MAX_TOKEN) && len > 0) {
      if (len >= 2) {
        const bucket = (h >>> 0) % dim;
        if (counts[bucket]++ === 0) touched.push(bucket);
      }
      h = 0x811c9dc5;
      len = 0;
    }
    if (word) {
      h = Math.imul(h ^ c, 0x01000193);
      len++;
    }
  }
  return Int32Array.from(touched).sort();
}

/** Fits the idf on the training texts (only there: the held-out split never leaks into the features). */
export function fitFeaturizer(
  texts: readonly string[],
  opts: { dim?: number; maxChars?: number } = {},
): FeaturizerSpec {
  const dim = opts.dim ?? 1024;
  const maxChars = opts.maxChars ?? 20_000;
  const df = new Float64Array(dim);
  const counts = new Int32Array(dim);
  for (const t of texts) {
    for (const b of countInto(t, dim, maxChars, counts)) {
      df[b]++;
      counts[b] = 0;
    }
  }
  const n = texts.length;
  const idf = Array.from(df, (d) => Math.log((1 + n) / (1 + d)) + 1);
  return { name: 'hashed-tfidf', version: 1, dim, maxChars, idf };
}

/** Sparse features: sorted bucket indices and their float32-rounded values. */
export interface SparseFeatures {
  index: Int32Array;
  value: Float64Array;
}

export function featurizeSparse(text: string, spec: FeaturizerSpec): SparseFeatures {
  const counts = new Int32Array(spec.dim);
  const index = countInto(text, spec.dim, spec.maxChars, counts);
  const value = new Float64Array(index.length);
  let norm = 0;
  for (let i = 0; i < index.length; i++) {
    const v = Math.log(1 + counts[index[i]]) * spec.idf[index[i]];
    value[i] = v;
    norm += v * v;
  }
  norm = Math.sqrt(norm);
  for (let i = 0; i < value.length; i++) value[i] = norm > 0 ? Math.fround(value[i] / norm) : 0;
  return { index, value };
}

/** Dense features (length dim) of one text. */
export function featurize(text: string, spec: FeaturizerSpec): Float64Array {
  const out = new Float64Array(spec.dim);
  const s = featurizeSparse(text, spec);
  for (let i = 0; i < s.index.length; i++) out[s.index[i]] = s.value[i];
  return out;
}

/** Validates a featurizer spec read from a training config (an artifact: hostile until checked). */
export function parseFeaturizerSpec(v: unknown): FeaturizerSpec {
  const o = v as Partial<FeaturizerSpec>;
  if (!o || o.name !== 'hashed-tfidf' || o.version !== 1)
    throw new UserError('unknown featurizer (expected hashed-tfidf@1)');
  if (!Number.isInteger(o.dim) || (o.dim as number) < 1 || (o.dim as number) > 1 << 20)
    throw new UserError('featurizer dim is invalid');
  if (!Number.isInteger(o.maxChars) || (o.maxChars as number) < 1)
    throw new UserError('featurizer maxChars is invalid');
  if (
    !Array.isArray(o.idf) ||
    o.idf.length !== o.dim ||
    !o.idf.every((x) => typeof x === 'number' && Number.isFinite(x))
  )
    throw new UserError('featurizer idf must hold dim finite numbers');
  return {
    name: 'hashed-tfidf',
    version: 1,
    dim: o.dim as number,
    maxChars: o.maxChars as number,
    idf: o.idf,
  };
}
