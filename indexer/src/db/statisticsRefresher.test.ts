import { createTestDatabase, type TestDatabase } from '@ae/testkit';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StatisticsRefresher } from './statisticsRefresher.js';

let tdb: TestDatabase;
let c: pg.Client;
const lines: string[] = [];
const log = {
  info: (_: unknown, m: string) => lines.push(m),
  warn: (_: unknown, m: string) => lines.push(m),
};

beforeAll(async () => {
  tdb = await createTestDatabase({ prefix: 'stats_refresh' });
  c = new pg.Client({ connectionString: tdb.url });
  await c.connect();
});
afterAll(async () => {
  await c?.end();
  await tdb?.drop();
});

const analyzed = async () =>
  (await c.query(`SELECT last_analyze FROM pg_stat_user_tables WHERE relname = 'inference'`)).rows[0]
    ?.last_analyze as Date | null;

describe('StatisticsRefresher', () => {
  it('analyzes once a backfill reaches the head, not for a few blocks nor before the head', async () => {
    const s = new StatisticsRefresher(tdb.url, log);
    s.record(500, true);
    s.record(150_000, false);
    await new Promise((r) => setTimeout(r, 100));
    expect(await analyzed()).toBeNull();
    s.record(10, true);
    await s.refresh();
    expect(await analyzed()).toBeInstanceOf(Date);
    expect(lines).toEqual(['refreshed planner statistics after a backfill']);
  });
});
