import fc from 'fast-check';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { arrayLiteral } from './arrayLiteral.js';

// Postgres parses the literal into exactly the array node-postgres' own encoding of the same values gives:
// hostile text (quotes, backslashes, braces, commas, NULL spelled out, any unicode but NUL), the uint256 range
// as decimal strings, 32-bit integers, times across the years, booleans and nulls.
describe('arrayLiteral', () => {
  let c: pg.Client;
  beforeAll(async () => {
    c = new pg.Client({
      connectionString: process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres',
    });
    await c.connect();
  });
  afterAll(() => c?.end());

  const same = async (type: string, values: unknown[]) => {
    const r = await c.query(`SELECT ($1::${type}[])::text AS ours, ($2::${type}[])::text AS theirs`, [
      arrayLiteral(values),
      values,
    ]);
    expect(r.rows[0].ours).toBe(r.rows[0].theirs);
  };
  const nullable = <T>(a: fc.Arbitrary<T>) => fc.array(fc.option(a, { nil: null }), { maxLength: 12 });
  const text = fc.oneof(
    fc.string({ unit: 'grapheme', maxLength: 20 }).map((s) => s.replace(/\0/g, '')),
    fc.constantFrom('NULL', 'null', '', ' ', '{}', '"', '\\', 'a,b', '{"x":1}', "'); DROP TABLE t; --"),
  );

  it('text and character varying', async () => {
    await fc.assert(
      fc.asyncProperty(nullable(text), (v) => same('text', v)),
      { numRuns: 200 },
    );
    await fc.assert(
      fc.asyncProperty(nullable(text), (v) => same('character varying', v)),
      { numRuns: 50 },
    );
  });

  it('numeric (decimal strings), integer, boolean, timestamptz', async () => {
    const decimal = fc.bigInt({ min: -(2n ** 255n), max: 2n ** 256n - 1n }).map(String);
    await fc.assert(
      fc.asyncProperty(nullable(decimal), (v) => same('numeric', v)),
      { numRuns: 100 },
    );
    const int = fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 });
    await fc.assert(
      fc.asyncProperty(nullable(int), (v) => same('integer', v)),
      { numRuns: 100 },
    );
    await fc.assert(
      fc.asyncProperty(nullable(fc.boolean()), (v) => same('boolean', v)),
      { numRuns: 30 },
    );
    const time = fc.date({ min: new Date('1970-01-01'), max: new Date('2200-01-01'), noInvalidDate: true });
    await fc.assert(
      fc.asyncProperty(nullable(time), (v) => same('timestamp with time zone', v)),
      { numRuns: 100 },
    );
  });

  it('refuses an invalid Date instead of writing a wrong time', () => {
    expect(() => arrayLiteral([new Date(Number.NaN)])).toThrow(/invalid Date/);
  });
});
