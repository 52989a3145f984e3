import { TABLE } from '@ae/core/tables';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiInstance, createApi } from '../src/index.js';
import { insertWorld } from './fixtures.js';
import { type Harness, startHarness } from './harness.js';

/**
 * #13 item 12, as behaviour (speed is in `npm run bench -w api`): heavy operations wait in line for their slot
 * while cheap ones run at once, and a full line is refused as OVERLOADED. The heavy operations are held inside
 * Postgres by a lock on their table, so the test does not depend on how fast anything runs.
 */
let h: Harness;
let heavyPool: pg.Pool;
let api: ApiInstance;
let threaded: ApiInstance;
beforeAll(async () => {
  h = await startHarness('api_admission');
  await insertWorld(h.pool);
  heavyPool = new pg.Pool({ connectionString: h.db.url, max: 2 });
  api = createApi({
    pool: h.pool,
    heavyPool,
    limits: { heavyCost: 500, heavyConcurrency: 1, heavyMaxQueued: 5, heavyMaxQueuedPerClient: 5 },
    logError: () => {},
  });
  threaded = createApi({
    pool: h.pool,
    heavyWorkers: { databaseUrl: h.db.url, poolSize: 2 },
    limits: { heavyCost: 500, heavyConcurrency: 2 },
    logError: () => {},
  });
  await threaded.ready();
  expect(threaded.heavyWorkers?.stats()).toEqual({ up: 2, jobs: 0 });
});
afterAll(async () => {
  await threaded?.close();
  await heavyPool?.end();
  await h?.close();
});

async function post(query: string, to = api, variables?: Record<string, unknown>) {
  const r = await to.fetch('http://api/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  return { status: r.status, retryAfter: r.headers.get('retry-after'), body: await r.json() };
}

const HEAVY = '{ accounts(limit: 1000, orderBy: id_ASC) { id } }';
const CHEAP = '{ datanetById(id: "1") { name contributionCount } }';

async function until(ok: () => boolean) {
  for (let i = 0; i < 400 && !ok(); i++) await new Promise((r) => setTimeout(r, 25));
}

describe('admission control', () => {
  it('queues heavy operations behind one slot, runs cheap ones at once, refuses a full line', async () => {
    const locker = await h.pool.connect();
    await locker.query('BEGIN');
    await locker.query(`LOCK TABLE ${TABLE.account} IN ACCESS EXCLUSIVE MODE`);
    try {
      const heavy = Array.from({ length: 6 }, () => post(HEAVY));
      await until(() => api.admission?.stats().queued === 5);
      expect(api.admission?.stats()).toEqual({ running: 1, queued: 5 });
      // the line is full: refused at once, retryable, HTTP 503
      const refused = await post(HEAVY);
      expect(refused.status).toBe(503);
      expect(refused.retryAfter).toBe('1');
      expect(refused.body.errors[0].extensions.code).toBe('OVERLOADED');
      // a cheap query (its table is not locked) answers while six heavy ones wait
      const cheap = await post(CHEAP);
      expect(cheap.body).toEqual({ data: { datanetById: { name: 'spam corpus', contributionCount: 3 } } });
      expect(api.admission?.stats()).toEqual({ running: 1, queued: 5 });
      await locker.query('COMMIT');
      const done = await Promise.all(heavy);
      for (const d of done) expect(d.body.data.accounts.length).toBe(6);
      expect(api.admission?.stats()).toEqual({ running: 0, queued: 0 });
    } finally {
      await locker.query('ROLLBACK').catch(() => {});
      locker.release();
    }
  });

  it('runs heavy operations on worker threads with the same answers and the same errors', async () => {
    const queries: Array<[string, Record<string, unknown>?]> = [
      [HEAVY],
      [
        '{ contributions(limit: 1000, orderBy: id_DESC) { id status datanet { name owner { id } } contributor { id } } }',
      ],
      ['query($o: Int) { accounts(limit: 1000, offset: $o) { id } }', { o: 5_000_000 }],
      ['{ accounts(limit: 1000) { id } missing: datanetById(id: "nope") { id } }'],
      ['query Op($n: Int) { a: accounts(limit: $n) { id } }', { n: 600 }],
    ];
    for (const [q, vars] of queries) {
      const viaWorker = await post(q, threaded, vars);
      const inThread = await post(q, api, vars);
      expect(viaWorker.status, q).toBe(200);
      expect(viaWorker.body, q).toEqual(inThread.body);
    }
    // the resolver's error was masked in the worker as on the main thread
    const far = await post(queries[2][0], threaded, queries[2][1]);
    expect(far.body.errors[0].extensions.code).toBe('LIMIT_EXCEEDED');
    expect(threaded.admission?.stats()).toEqual({ running: 0, queued: 0 });
    expect(threaded.heavyWorkers?.stats()).toEqual({ up: 2, jobs: queries.length + 1 });
  });
});
