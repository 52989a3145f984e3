import { COLUMN, TABLE } from '@ae/core/tables';
import { createTestDatabase, type TestDatabase } from '@ae/testkit';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDeferredIndexes } from './deferredIndexes.js';
import { prepareIndexes } from './prepareIndexes.js';
import { runMigrations } from './runMigrations.js';
import { STATE_TABLES } from './stateTables.js';

// Real Postgres: the indexes a backfill sets aside and builds again are the migrations' own, to the definition.
describe('secondary indexes deferred for a backfill', () => {
  let db: TestDatabase;
  let c: pg.Client;
  let migrated: Map<string, string>;
  const lines: string[] = [];
  const log = { info: (m: string) => lines.push(m) };
  const indexes = async () =>
    new Map(
      (
        await c.query<{ name: string; def: string }>(
          `SELECT indexname AS name, indexdef AS def FROM pg_indexes WHERE schemaname = 'public'`,
        )
      ).rows.map((r) => [r.name, r.def]),
    );
  const prepare = (deferIndexes = true) =>
    prepareIndexes({ databaseUrl: db.url, deferIndexes }, () => runMigrations(db.url), log);

  beforeAll(async () => {
    db = await createTestDatabase({ prefix: 'deferred_idx' });
    c = new pg.Client({ connectionString: db.url });
    await c.connect();
    migrated = await indexes();
  });
  afterAll(async () => {
    await c?.end();
    await db?.drop();
  });

  it('sets aside the secondary indexes of an empty index, keeping keys and what the indexer reads by', async () => {
    const n = await prepare();
    expect(n).toBeGreaterThan(50);
    const now = await indexes();
    expect(migrated.size - now.size).toBe(n);
    for (const [name, def] of now) expect(migrated.get(name)).toBe(def);
    const stored = (await c.query(`SELECT name, definition FROM ${STATE_TABLES.deferredIndex}`)).rows;
    expect(stored).toHaveLength(n);
    for (const r of stored) expect(migrated.get(r.name)).toBe(r.definition);
    const kept = [...now.values()];
    // every primary key stays, and the two indexes the batch handler reads by
    const pks = (
      await c.query(
        `SELECT count(*)::int AS n FROM pg_indexes WHERE schemaname = 'public' AND indexname LIKE 'PK_%'`,
      )
    ).rows[0].n;
    expect(kept.filter((d) => /UNIQUE INDEX "PK_/.test(d))).toHaveLength(pks);
    expect(
      kept.some((d) =>
        d.includes(
          `ON public.${TABLE.attributionShare} USING btree (${COLUMN.attributionShare.attributionId})`,
        ),
      ),
    ).toBe(true);
    expect(
      kept.some((d) =>
        d.includes(`ON public.${TABLE.blockDigest} USING btree (${COLUMN.blockDigest.height})`),
      ),
    ).toBe(true);
    expect(
      kept.some((d) =>
        d.includes(`ON public.${TABLE.rewardAccrual} USING btree (${COLUMN.rewardAccrual.accountId})`),
      ),
    ).toBe(false);
  });

  it('builds exactly the migrations’ indexes again, and forgets one that exists already', async () => {
    const [one] = (await c.query(`SELECT name, definition FROM ${STATE_TABLES.deferredIndex} LIMIT 1`)).rows;
    await c.query(one.definition);
    await c.query('BEGIN');
    const built = await buildDeferredIndexes(async (sql, p) => (await c.query(sql, p)).rows);
    await c.query('COMMIT');
    expect(built).toBeGreaterThan(50);
    expect(await indexes()).toEqual(migrated);
    expect((await c.query(`SELECT count(*)::int AS n FROM ${STATE_TABLES.deferredIndex}`)).rows[0].n).toBe(0);
  });

  it('on the next start, builds what a stopped backfill left before migrating; defers nothing once indexed', async () => {
    const n = await prepare();
    lines.length = 0;
    await c.query(`UPDATE ${STATE_TABLES.status} SET height = 5 WHERE id = 0`).then(async (r) => {
      if (r.rowCount === 0)
        await c.query(
          `INSERT INTO ${STATE_TABLES.status} (id, height, hash, nonce) VALUES (0, 5, '0x05', 0)`,
        );
    });
    expect(await prepare()).toBe(0);
    expect(lines[0]).toBe(`built ${n} indexes that an earlier backfill deferred`);
    expect(await indexes()).toEqual(migrated);
  });

  it('INDEX_DEFERRAL=off leaves an empty index alone', async () => {
    await c.query(`UPDATE ${STATE_TABLES.status} SET height = -1 WHERE id = 0`);
    expect(await prepare(false)).toBe(0);
    expect(await indexes()).toEqual(migrated);
  });
});
