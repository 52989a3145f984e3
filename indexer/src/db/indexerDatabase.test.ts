import { TABLE } from '@ae/core/tables';
import { createTestDatabase, type TestDatabase } from '@ae/testkit';
import fc from 'fast-check';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Account, Datanet } from '../model/generated/index.js';
import { bulkDelete, bulkWrite } from './bulkWrite.js';
import { IndexerDatabase } from './indexerDatabase.js';
import type { IndexerStore } from './indexerStore.js';

let tdb: TestDatabase;
let db: IndexerDatabase;
let c: pg.Client;

const OWNERS = ['0xa', '0xb'];
const hash = (h: number, branch: string) => `0x${branch}${String(h).padStart(4, '0')}`;

function account(id: string): Account {
  const a: Record<string, unknown> = { id };
  for (const col of db.dataSource.getMetadata(Account).columns) {
    if (col.propertyName === 'id' || col.relationMetadata) continue;
    const t = String(col.type);
    a[col.propertyName] =
      t === 'numeric'
        ? 0n
        : t.startsWith('timestamp')
          ? new Date(0)
          : t.startsWith('int')
            ? 0
            : t === 'bool' || t === 'boolean'
              ? false
              : null;
  }
  return new Account(a as Partial<Account>);
}

function datanet(id: string, owner: string, name: string, minStake: bigint, at: Date): Datanet {
  return new Datanet({
    id,
    owner: { id: owner } as Account,
    name,
    metadataURI: `ipfs://${name}`,
    curated: minStake % 2n === 0n,
    approved: false,
    minStake,
    createdBlock: 1,
    createdAt: at,
    txHash: '0x00',
    contributionCount: 0,
    acceptedCount: 0,
    rejectedCount: 0,
    versionCount: 0,
    curatorCount: 0,
    trainedModelCount: 0,
    attributionShareCount: 0,
    influencePpm: 0n,
    totalRewards: minStake,
  });
}

/** Every row of the two tables as Postgres stores it (jsonb text: numerics, times and text exactly). */
async function dump(): Promise<string[]> {
  const r = await c.query(
    `SELECT 'a' || to_jsonb(t)::text AS r FROM ${TABLE.account} t UNION ALL SELECT 'd' || to_jsonb(t)::text FROM ${TABLE.datanet} t ORDER BY 1`,
  );
  return r.rows.map((x) => x.r);
}

const op = fc.oneof(
  fc.record({
    kind: fc.constantFrom('insert' as const, 'upsert' as const, 'update' as const),
    id: fc.constantFrom('1', '2', '3', '4'),
    owner: fc.constantFrom(...OWNERS),
    name: fc.string({ unit: 'grapheme', maxLength: 12 }).map((s) => s.replace(/\0/g, '')),
    minStake: fc.bigInt({ min: 0n, max: 2n ** 256n - 1n }),
    at: fc.date({ min: new Date(0), max: new Date(4e12), noInvalidDate: true }),
  }),
  fc.record({ kind: fc.constant('delete' as const), id: fc.constantFrom('1', '2', '3', '4') }),
);
type Op = typeof op extends fc.Arbitrary<infer T> ? T : never;

/** Applies one block's operations the way the handlers write: existence decides insert or update. */
async function apply(store: IndexerStore, ops: Op[]): Promise<void> {
  for (const o of ops) {
    const exists = (await store.query(`SELECT 1 FROM ${TABLE.datanet} WHERE id = $1`, [o.id])).length > 0;
    if (o.kind === 'delete') await bulkDelete(store, Datanet, [o.id]);
    else {
      const kind = o.kind === 'upsert' ? 'upsert' : exists ? 'update' : 'insert';
      await bulkWrite(store, [datanet(o.id, o.owner, o.name, o.minStake, o.at)], kind);
    }
  }
}

beforeAll(async () => {
  tdb = await createTestDatabase({ prefix: 'indexer_db' });
  db = new IndexerDatabase(tdb.url);
  expect(await db.connect()).toEqual({ height: -1, hash: '0x', nonce: 0, top: [] });
  c = new pg.Client({ connectionString: tdb.url });
  await c.connect();
  await db.transact(
    { prevHead: { height: -1, hash: '0x' }, nextHead: { height: 0, hash: hash(0, 'a') } },
    (s) => bulkWrite(s, OWNERS.map(account), 'insert'),
  );
});
afterAll(async () => {
  await c?.end();
  await db?.disconnect();
  await tdb?.drop();
});

describe('IndexerDatabase hot-block change log', () => {
  it('rolls any sequence of inserts, updates, upserts and deletes in hot blocks back to exactly the stored rows', async () => {
    // The finalized head; each run builds hot blocks on it, forks, then finalizes the fork's block.
    let base = { height: 0, hash: hash(0, 'a') };
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.array(op, { maxLength: 6 }), { minLength: 1, maxLength: 4 }),
        fc.nat(),
        async (blocks, k0) => {
          const chain = [base];
          const snapshots = [await dump()];
          for (const ops of blocks) {
            const b = { height: base.height + chain.length, hash: hash(base.height + chain.length, 'a') };
            const info = { finalizedHead: base, baseHead: chain[chain.length - 1], newBlocks: [b] };
            await db.transactHot2(info, (s) => apply(s, ops));
            chain.push(b);
            snapshots.push(await dump());
          }
          // A fork on top of block k (0: the finalized head): the blocks above it are undone.
          const k = k0 % blocks.length;
          const replacement = { height: chain[k].height + 1, hash: hash(chain[k].height + 1, 'b') };
          await db.transactHot2(
            { finalizedHead: base, baseHead: chain[k], newBlocks: [replacement] },
            async () => {},
          );
          expect(await dump()).toEqual(snapshots[k]);
          await db.transactHot2(
            { finalizedHead: replacement, baseHead: replacement, newBlocks: [] },
            async () => {},
          );
          base = replacement;
        },
      ),
      { numRuns: 40 },
    );
  });

  it('rolls back at connect the unfinalized blocks the chain replaced, from the top down, and no others', async () => {
    const state = await db.connect().catch(() => undefined); // already connected: refused
    expect(state).toBeUndefined();
    const s0 = await readState();
    const blocks = [1, 2, 3].map((i) => ({ height: s0.height + i, hash: hash(s0.height + i, 'c') }));
    const snapshots = [await dump()];
    for (let i = 0; i < blocks.length; i++) {
      const prev = i === 0 ? s0 : blocks[i - 1];
      await db.transactHot2({ finalizedHead: s0, baseHead: prev, newBlocks: [blocks[i]] }, (st) =>
        bulkWrite(st, [datanet(String(10 + i), '0xa', `n${i}`, BigInt(i), new Date(i))], 'insert'),
      );
      snapshots.push(await dump());
    }
    // A node that does not know the top block proves nothing: nothing is rolled back.
    const unsure = new IndexerDatabase(tdb.url, { chainHash: async () => undefined });
    expect((await unsure.connect()).top).toEqual(blocks);
    await unsure.disconnect();
    // The chain replaced the top two blocks (same heights, other hashes).
    const rolled: number[] = [];
    const replaced = new IndexerDatabase(tdb.url, {
      chainHash: async (h) => (h >= blocks[1].height ? hash(h, 'd') : hash(h, 'c')),
      onRollback: (r) => rolled.push(r.from),
    });
    const after = await replaced.connect();
    await replaced.disconnect();
    expect(rolled).toEqual([blocks[1].height]);
    expect(after.top).toEqual([blocks[0]]);
    expect(await dump()).toEqual(snapshots[1]);
  });
});

async function readState(): Promise<{ height: number; hash: string }> {
  const r = await c.query(`SELECT height, hash FROM ${TABLE.squidProcessorStatus} WHERE id = 0`);
  return { height: r.rows[0].height, hash: r.rows[0].hash };
}
