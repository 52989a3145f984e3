import { runMigrations } from '@ae/indexer/migrations';
import { createTestDatabase, type TestDatabase } from '@ae/testkit';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitForIndex } from './waitForIndex.js';

let tdb: TestDatabase;
let pool: pg.Pool;

beforeAll(async () => {
  tdb = await createTestDatabase({ prefix: 'replay_wait', migrate: false });
  pool = new pg.Pool({ connectionString: tdb.url });
});
afterAll(async () => {
  await pool?.end();
  await tdb?.drop();
});

describe('waitForIndex', () => {
  it('waits for the indexer migrations, says once what it waits for, then resolves', async () => {
    const lines: string[] = [];
    let done = false;
    const waiting = waitForIndex(pool, (l) => lines.push(l), { intervalMs: 20 }).then((r) => {
      done = true;
      return r;
    });
    await new Promise((r) => setTimeout(r, 200));
    expect(done).toBe(false);
    await runMigrations(tdb.url);
    expect(await waiting).toBe(true);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/waiting for the indexer's tables \(attribution, .*\).*migrate -w indexer/);
  });

  it('gives up when aborted', async () => {
    const empty = await createTestDatabase({ prefix: 'replay_wait2', migrate: false });
    const p = new pg.Pool({ connectionString: empty.url });
    try {
      const ac = new AbortController();
      setTimeout(() => ac.abort(), 100);
      expect(await waitForIndex(p, () => {}, { intervalMs: 20, signal: ac.signal })).toBe(false);
    } finally {
      await p.end();
      await empty.drop();
    }
  });
});
