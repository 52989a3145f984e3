import { type CorpusIndex, encodeTokens, SEPARATOR } from './corpusIndex.js';
import { findRange, nextTokenCounts } from './suffixArray.js';
import { detokenize, tokenize } from './wordsTokenizer.js';

export interface NextTokenDistribution {
  /** Length of the longest suffix of the context found in the corpus (0 = unigram back-off). */
  suffixLength: number;
  /** Occurrences of that suffix followed by some token (the denominator). */
  total: number;
  /** count(suffix · token) per next token id, ascending id (SEPARATOR = end of text). */
  counts: { token: number; count: number }[];
}

/**
 * The ∞-gram next-token distribution (Liu et al. 2024): P(w | context) = count(s·w) / count(s) for s the
 * longest suffix of the context that occurs in the corpus, backing off to shorter suffixes down to the
 * empty one (unigram). Suffix occurrence is monotone in length, so the longest one is found by binary
 * search on its length; each count is a suffix-array binary search.
 */
export function nextTokenDistribution(index: CorpusIndex, context: Int32Array): NextTokenDistribution {
  const { tokens, sa } = index;
  const rangeOf = (l: number) => findRange(tokens, sa, context.subarray(context.length - l));
  let lo = 0; // occurs (the empty suffix always does, when the corpus is not empty)
  let hi = context.length;
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    const [a, b] = rangeOf(mid);
    if (b > a) lo = mid;
    else hi = mid - 1;
  }
  const range = rangeOf(lo);
  // a suffix at the very end of the corpus has no next token: the corpus ends with SEPARATOR, so only
  // the empty context can meet it, and it is the separator itself (counted as a token of the unigram)
  const counts = nextTokenCounts(tokens, sa, range, lo).filter((c) => c.token >= 0);
  return { suffixLength: lo, total: counts.reduce((a, c) => a + c.count, 0), counts };
}

/** The most frequent next token; ties go to the smaller token id (deterministic). */
export function greedyNext(d: NextTokenDistribution): number {
  let best = d.counts[0];
  for (const c of d.counts) if (c.count > best.count) best = c;
  return best.token;
}

export interface Generation {
  tokens: string[];
  /** detokenize(tokens): what the inference output carries. */
  text: string;
}

/**
 * Greedy ∞-gram generation: continues the prompt one token at a time with the most frequent next token of
 * the longest matching context, until the separator (end of a contribution) or maxNewTokens.
 */
export function generate(index: CorpusIndex, prompt: string, maxNewTokens: number): Generation {
  if (index.tokens.length === 0) return { tokens: [], text: '' };
  const context = Array.from(encodeTokens(index, tokenize(prompt)));
  const out: string[] = [];
  while (out.length < maxNewTokens) {
    const next = greedyNext(nextTokenDistribution(index, Int32Array.from(context)));
    if (next === SEPARATOR) break;
    context.push(next);
    out.push(index.vocab[next]);
  }
  return { tokens: out, text: detokenize(out) };
}
