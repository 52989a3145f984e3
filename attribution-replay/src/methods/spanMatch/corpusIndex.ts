import { canonicalBytes } from '../../artifacts/canonicalJson.js';
import { type Bytes32Hex, sha256Hex } from '../../artifacts/sha256.js';
import { suffixArray } from './suffixArray.js';
import { TOKENIZER_ID, tokenize } from './wordsTokenizer.js';

/** Token id of the document separator that ends every contribution (never produced by the tokenizer). */
export const SEPARATOR = 0;
/** Query token id of a word the corpus never saw: matches nothing (not even the end of the corpus, -1). */
export const UNKNOWN = -2;

/**
 * The ∞-gram model's "checkpoint": the training contributions tokenized with words@1 and concatenated in
 * training order, each followed by SEPARATOR (so no match crosses two contributions), with its suffix array.
 * Token ids: 0 = separator, then 1, 2, … in order of first occurrence in the corpus.
 */
export interface CorpusIndex {
  contributionIds: string[];
  /** vocab[id] is the token's text; vocab[0] = '' (separator). */
  vocab: string[];
  tokens: Int32Array;
  sa: Int32Array;
  /** docStarts[d] = offset of contribution d's first token; ascending. */
  docStarts: Int32Array;
  /** Lazily built token → id map for queries. */
  idOf?: Map<string, number>;
}

/** Builds the index of a datanet version's texts (training order = the given order). */
export function buildCorpusIndex(docs: readonly { contributionId: string; text: string }[]): CorpusIndex {
  const idOf = new Map<string, number>();
  const vocab = [''];
  const ids: number[] = [];
  const docStarts = new Int32Array(docs.length);
  docs.forEach((d, i) => {
    docStarts[i] = ids.length;
    for (const t of tokenize(d.text)) {
      let id = idOf.get(t);
      if (id === undefined) {
        id = vocab.length;
        vocab.push(t);
        idOf.set(t, id);
      }
      ids.push(id);
    }
    ids.push(SEPARATOR);
  });
  const tokens = Int32Array.from(ids);
  return {
    contributionIds: docs.map((d) => d.contributionId),
    vocab,
    tokens,
    sa: suffixArray(tokens),
    docStarts,
    idOf,
  };
}

/** Query tokens → ids (UNKNOWN for words not in the corpus). */
export function encodeTokens(index: CorpusIndex, tokens: readonly string[]): Int32Array {
  if (!index.idOf) index.idOf = new Map(index.vocab.map((t, i) => [t, i] as [string, number]).slice(1));
  const m = index.idOf;
  return Int32Array.from(tokens, (t) => m.get(t) ?? UNKNOWN);
}

/** The contribution (its index in training order) that holds corpus position p. */
export function docAt(index: CorpusIndex, p: number): number {
  let lo = 0;
  let hi = index.docStarts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    if (index.docStarts[mid] <= p) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

const MAGIC = new TextEncoder().encode('AESPIX1\n');

/**
 * The index as artifact bytes (its sha256 is the checkpoint hash on chain): the 8-byte magic `AESPIX1\n`,
 * a u32 LE header length, the canonical JSON header {contributions, docStarts, format: "span-index@1",
 * tokenizer: "words@1", tokens: n, vocab (ids 1…)}, then n int32 LE tokens and n int32 LE suffix array
 * entries. A function of the contributions alone, so anyone rebuilds the same bytes.
 */
export function encodeCorpusIndex(index: CorpusIndex): { bytes: Uint8Array; hash: Bytes32Hex } {
  const header = canonicalBytes({
    contributions: index.contributionIds,
    docStarts: Array.from(index.docStarts),
    format: 'span-index@1',
    tokenizer: TOKENIZER_ID,
    tokens: index.tokens.length,
    vocab: index.vocab.slice(1),
  });
  const n = index.tokens.length;
  const bytes = new Uint8Array(MAGIC.length + 4 + header.length + 8 * n);
  const view = new DataView(bytes.buffer);
  bytes.set(MAGIC, 0);
  view.setUint32(MAGIC.length, header.length, true);
  bytes.set(header, MAGIC.length + 4);
  let p = MAGIC.length + 4 + header.length;
  for (const arr of [index.tokens, index.sa])
    for (let i = 0; i < n; i++, p += 4) view.setInt32(p, arr[i], true);
  return { bytes, hash: sha256Hex(bytes) };
}
