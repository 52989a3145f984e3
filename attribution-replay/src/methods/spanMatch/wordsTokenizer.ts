/**
 * words@1, the tokenizer of the ∞-gram text model and of span-match@1 (docs: SPAN_MATCH.md):
 *
 * 1. the text is made well formed (a lone surrogate becomes U+FFFD) and normalized to NFC;
 * 2. a token is either a maximal run of letters, marks and numbers (`[\p{L}\p{M}\p{N}]+`) or one single
 *    code point that is none of those and not white space (punctuation, symbols, controls);
 * 3. white space (`\p{White_Space}`) separates tokens and is dropped; case is kept.
 *
 * No locale, no model file, no state: the same string gives the same tokens on every machine with the same
 * Unicode tables (Node 20's ICU). Offsets are UTF-16 offsets into the normalized text.
 */
export const TOKENIZER_ID = 'words@1';

const TOKEN = /[\p{L}\p{M}\p{N}]+|[^\p{L}\p{M}\p{N}\p{White_Space}]/gu;
const WORD = /^[\p{L}\p{M}\p{N}]/u;

export interface Token {
  text: string;
  /** UTF-16 offsets into the normalized text: [start, end). */
  start: number;
  end: number;
}

/** The normalized form every offset refers to (well formed, NFC). */
export function normalizeText(text: string): string {
  return text.replace(/\p{Cs}/gu, '\ufffd').normalize('NFC');
}

/** Tokens of a text with their offsets in `normalizeText(text)`. */
export function tokenizeWithOffsets(text: string): Token[] {
  const norm = normalizeText(text);
  const out: Token[] = [];
  for (const m of norm.matchAll(TOKEN)) out.push({ text: m[0], start: m.index, end: m.index + m[0].length });
  return out;
}

/** The token strings of a text. */
export function tokenize(text: string): string[] {
  return normalizeText(text).match(TOKEN) ?? [];
}

const JOINERS = ['/', '@', '-', '_'];
const NO_SPACE_BEFORE = new Set(['.', ',', ';', ':', '!', '?', ')', ']', '}', '%', ...JOINERS]);
const NO_SPACE_AFTER = new Set(['(', '[', '{', '$', ...JOINERS]);

/**
 * Tokens back to text, readable: one space between tokens except before closing punctuation, after
 * opening brackets and around the joiners / @ - _ (addresses, paths). Only two word tokens must stay apart to re-tokenize the same, so
 * tokenize(detokenize(t)) = t for every token list words@1 produces (property-tested).
 */
export function detokenize(tokens: readonly string[]): string {
  let out = '';
  for (const [i, t] of tokens.entries()) {
    const prev = tokens[i - 1];
    const glue =
      i === 0 ||
      ((NO_SPACE_BEFORE.has(t) || (prev !== undefined && NO_SPACE_AFTER.has(prev))) &&
        !(WORD.test(t) && prev !== undefined && WORD.test(prev)));
    out += glue ? t : ` ${t}`;
  }
  return out;
}
