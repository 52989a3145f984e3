/**
 * WHATWG UTF-8 decoding: every invalid sequence becomes one U+FFFD per maximal subpart, so the same bytes
 * always give the same text. ignoreBOM keeps a leading EF BB BF as U+FEFF: the text says what the bytes say.
 */
const utf8 = new TextDecoder('utf-8', { fatal: false, ignoreBOM: true });

/** A code unit Postgres text refuses (U+0000), or a surrogate without its partner (not Unicode text at all). */
// biome-ignore lint/suspicious/noControlCharactersInRegex: U+0000 is exactly what Postgres text refuses.
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * The one place chain strings become text the index stores (docs/chain-strings.md). An event's string is bytes
 * anyone can choose: invalid UTF-8, NUL, anything. Postgres text holds any Unicode scalar value except U+0000,
 * so the bytes are decoded as WHATWG UTF-8 (invalid sequences: U+FFFD) and each U+0000 and lone surrogate is
 * replaced by U+FFFD. Total (never throws) and deterministic, so one hostile transaction cannot halt indexing
 * and two indexes of a chain store the same text. The API puts client filter strings through it too, so a
 * filter written with the original characters finds what was stored.
 */
export function storableText(input: Uint8Array | string): string {
  const text = typeof input === 'string' ? input : utf8.decode(input);
  return text.replace(UNSTORABLE, '\uFFFD');
}
