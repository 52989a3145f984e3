import fc from 'fast-check';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storableText } from './storableText.js';

const DATABASE_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
let c: pg.Client;

beforeAll(async () => {
  c = new pg.Client({ connectionString: DATABASE_URL });
  await c.connect();
});
afterAll(async () => {
  await c?.end();
});

/** Bytes a hostile contract call can put in a string: mostly invalid UTF-8, NULs, encoded surrogates. */
const hostileBytes = fc.oneof(
  fc.uint8Array({ maxLength: 64 }),
  fc
    .array(fc.constantFrom(0x00, 0xc0, 0xed, 0xa0, 0x80, 0xef, 0xbb, 0xbf, 0xff, 0xf4, 0x90, 0x61), {
      maxLength: 32,
    })
    .map((a) => Uint8Array.from(a)),
);

const isWellFormed = (s: string) =>
  !/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(s);

describe('storableText', () => {
  it('turns any bytes into well-formed text without NUL, the same text every time', () => {
    fc.assert(
      fc.property(hostileBytes, (b) => {
        const s = storableText(b);
        expect(s).not.toContain('\u0000');
        expect(isWellFormed(s)).toBe(true);
        expect(storableText(Uint8Array.from(b))).toBe(s);
        // Idempotent: stored text put through again (the API's filters) is unchanged.
        expect(storableText(s)).toBe(s);
      }),
    );
  });

  it('keeps valid UTF-8 without NUL exactly (a leading BOM included)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (s) => {
        const clean = s.replaceAll('\u0000', '');
        expect(storableText(new TextEncoder().encode(clean))).toBe(clean);
      }),
    );
    expect(storableText(Uint8Array.from([0xef, 0xbb, 0xbf, 0x61]))).toBe('\uFEFFa');
  });

  it('replaces NUL, each invalid sequence and each lone surrogate by one U+FFFD', () => {
    expect(storableText(new TextEncoder().encode('a\u0000b'))).toBe('a\uFFFDb');
    expect(storableText(Uint8Array.from([0x61, 0xff, 0x62]))).toBe('a\uFFFDb');
    // An encoded surrogate (CESU-8) is three maximal subparts in WHATWG decoding.
    expect(storableText(Uint8Array.from([0xed, 0xa0, 0x80]))).toBe('\uFFFD\uFFFD\uFFFD');
    expect(storableText('x\uD800y\uDC00z\uD83D\uDE00')).toBe('x\uFFFDy\uFFFDz\uD83D\uDE00');
  });

  it('gives text Postgres stores and returns unchanged, for arbitrary bytes', async () => {
    const samples = fc.sample(hostileBytes, { numRuns: 300, seed: 13 }).map(storableText);
    samples.push(storableText(new Uint8Array(100_000).map((_, i) => (i * 7919) % 256)));
    const r = await c.query<{ t: string[] }>('SELECT $1::text[] AS t', [samples]);
    expect(r.rows[0].t).toEqual(samples);
  });
});
