import { TABLE } from '@ae/core/tables';
import { createTestDatabase, type TestDatabase } from '@ae/testkit';
import fc from 'fast-check';
import { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Account, Datanet } from '../model/generated/index.js';
import { bulkLoad } from './bulkLoad.js';
import { bulkWrite } from './bulkWrite.js';
import { IndexerStore } from './indexerStore.js';

let tdb: TestDatabase;
let ds: DataSource;

beforeAll(async () => {
  tdb = await createTestDatabase({ prefix: 'bulk_write' });
  ds = new DataSource((await import('./dataSourceOptions.js')).dataSourceOptions(tdb.url));
  await ds.initialize();
  await ds.transaction((em) =>
    bulkWrite(new IndexerStore(em), [account('0xowner'), account('0xother')], 'insert'),
  );
});
afterAll(async () => {
  await ds?.destroy();
  await tdb?.drop();
});

/** An account with every required column at its zero value. */
function account(id: string): Account {
  const a: Record<string, unknown> = { id };
  for (const c of ds.getMetadata(Account).columns) {
    if (c.propertyName === 'id' || c.relationMetadata) continue;
    const type = String(c.type);
    a[c.propertyName] =
      type === 'numeric'
        ? 0n
        : type === 'bool' || type === 'boolean'
          ? false
          : type.startsWith('timestamp')
            ? new Date(0)
            : type.startsWith('int')
              ? 0
              : null;
  }
  return new Account(a as Partial<Account>);
}

// Hostile text (quotes, NUL-free unicode, SQL), the full uint256 range, and both owners.
const datanet = fc.record({
  id: fc.bigInt({ min: 1n, max: 10n ** 12n }).map(String),
  owner: fc.constantFrom('0xowner', '0xother'),
  name: fc.string({ unit: 'grapheme', maxLength: 40 }).map((s) => s.replace(/\0/g, '')),
  metadataURI: fc.constantFrom("'); DROP TABLE datanet; --", 'ipfs://x', '', '"{}"'),
  curated: fc.boolean(),
  minStake: fc.bigInt({ min: 0n, max: 2n ** 256n - 1n }),
  createdBlock: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
  createdAt: fc.date({ min: new Date(0), max: new Date(4e12), noInvalidDate: true }),
  counts: fc.integer({ min: 0, max: 1e6 }),
});

type DatanetInput = typeof datanet extends fc.Arbitrary<infer T> ? T : never;

function build(d: DatanetInput): Datanet {
  return new Datanet({
    id: d.id,
    owner: { id: d.owner } as Account,
    name: d.name,
    metadataURI: d.metadataURI,
    curated: d.curated,
    approved: false,
    minStake: d.minStake,
    createdBlock: d.createdBlock,
    createdAt: d.createdAt,
    txHash: `0x${'ab'.repeat(32)}`,
    contributionCount: d.counts,
    acceptedCount: d.counts,
    rejectedCount: 0,
    versionCount: 0,
    curatorCount: 0,
    trainedModelCount: 0,
    attributionShareCount: 0,
    influencePpm: BigInt(d.counts),
    totalRewards: d.minStake,
  });
}

describe('bulkWrite / bulkLoad', () => {
  it('round-trips any rows exactly as TypeORM reads them; upserts and updates replace whole rows', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uniqueArray(datanet, { selector: (d) => d.id, maxLength: 30 }), async (ds0) => {
        const rows = ds0.map(build);
        const inputs = new Map(ds0.map((d) => [d.id, d]));
        await ds.transaction(async (em) => {
          const store = new IndexerStore(em);
          await bulkWrite(store, rows, 'upsert');
          const viaOrm = await em.find(Datanet, {
            where: rows.map((r) => ({ id: r.id })),
            loadRelationIds: { relations: ['owner'] },
          });
          const viaBulk = await bulkLoad(
            store,
            Datanet,
            rows.map((r) => r.id),
          );
          const byId = (xs: Datanet[]) => new Map(xs.map((x) => [x.id, x]));
          for (const r of rows) {
            const o = byId(viaOrm).get(r.id) as unknown as Datanet & { owner: string };
            const b = byId(viaBulk).get(r.id);
            expect(b).toEqual({ ...o, owner: { id: o.owner } });
            expect(b).toEqual(r);
          }
          const changed = rows.map((r) => build({ ...inputs.get(r.id)!, name: `${r.name}'"`, counts: 7 }));
          await bulkWrite(store, changed, 'update');
          expect(
            await bulkLoad(
              store,
              Datanet,
              rows.map((r) => r.id),
            ),
          ).toEqual(expect.arrayContaining(changed));
          await em.query(`DELETE FROM ${TABLE.datanet}`);
        });
      }),
      { numRuns: 25 },
    );
  });

  it('loads by a relation and rejects a duplicate insert instead of losing a row', async () => {
    await ds
      .transaction(async (em) => {
        const store = new IndexerStore(em);
        const a = build({
          id: '1',
          owner: '0xowner',
          name: 'a',
          metadataURI: '',
          curated: false,
          minStake: 1n,
          createdBlock: 1,
          createdAt: new Date(1),
          counts: 0,
        });
        const b = build({
          id: '2',
          owner: '0xother',
          name: 'b',
          metadataURI: '',
          curated: true,
          minStake: 2n,
          createdBlock: 2,
          createdAt: new Date(2),
          counts: 1,
        });
        await bulkWrite(store, [a, b], 'insert');
        const owned = await bulkLoad(store, Datanet, ['0xother'], 'owner');
        expect(owned.map((d) => d.id)).toEqual(['2']);
        await expect(bulkWrite(store, [a], 'insert')).rejects.toThrow(/duplicate key/);
      })
      .catch((e) => {
        if (!/duplicate key/.test(String(e))) throw e;
      });
  });
});
