import fc from 'fast-check';
import { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dataSourceOptions } from '../db/dataSourceOptions.js';
import { Account, Attribution, AttributionShare, RewardAccrual } from '../model/generated/index.js';
import { CanonicalRows, canonicalValue } from './canonicalRow.js';

// The digest's row order is the sort of the serialized rows (chainDigest); serializeSorted reaches it by table
// first. Tables whose names prefix one another (attribution, attribution_share) are where that could go wrong.
describe('CanonicalRows', () => {
  let ds: DataSource;
  let rows: CanonicalRows;
  beforeAll(async () => {
    ds = new DataSource(
      dataSourceOptions(process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres'),
    );
    await ds.initialize(); // the model's metadata; nothing is written
    rows = new CanonicalRows(ds);
  });
  afterAll(() => ds?.destroy());

  const text = fc.string({ unit: 'binary', maxLength: 12 });
  const ref = fc.option(
    text.map((id) => ({ id })),
    { nil: null },
  );
  const row = fc.oneof(
    fc
      .record({ id: text, rank: fc.integer(), score: fc.bigInt(), attribution: ref, contributor: ref })
      .map((p) => new AttributionShare(p as never)),
    fc
      .record({ id: text, index: fc.bigInt(), shareCount: fc.integer(), poster: ref })
      .map((p) => new Attribution(p as never)),
    fc
      .record({ id: text, amount: fc.bigInt(), timestamp: fc.date({ noInvalidDate: true }) })
      .map((p) => new RewardAccrual(p as never)),
    fc
      .record({ id: text, inferenceCount: fc.integer(), isStaker: fc.boolean() })
      .map((p) => new Account(p as never)),
  );

  it('serializeSorted is the sort of every row serialized, whatever the order rows were touched in', () => {
    fc.assert(
      fc.property(fc.array(row, { maxLength: 40 }), (touched) => {
        expect(rows.serializeSorted(new Set(touched))).toEqual(touched.map((r) => rows.serialize(r)).sort());
      }),
    );
  });

  it('writes bigints and times as JSON strings, exactly as JSON.stringify of their text', () => {
    fc.assert(
      fc.property(fc.bigInt(), fc.date({ noInvalidDate: true }), (b, d) => {
        expect(canonicalValue(b)).toBe(JSON.stringify(b.toString()));
        expect(canonicalValue(d)).toBe(JSON.stringify(d.toISOString()));
      }),
    );
  });
});
