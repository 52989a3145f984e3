import { TABLE } from '@ae/core/tables';
import { createTestDatabase, type TestDatabase } from '@ae/testkit';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeVerdict } from './writeVerdict.js';

let db: TestDatabase;
let pool: pg.Pool;
beforeAll(async () => {
  db = await createTestDatabase({ prefix: 'replay_verdict_clock' });
  pool = new pg.Pool({ connectionString: db.url, max: 2 });
});
afterAll(async () => {
  await pool?.end();
  await db?.drop();
});

const read = async () =>
  (
    await pool.query(
      `SELECT chain_height, chain_time, replayed_at FROM ${TABLE.attributionVerdict} WHERE id = $1`,
      ['7:m@1'],
    )
  ).rows[0];

describe('writeVerdict records the chain clock (issue #14)', () => {
  it('stores the indexed head and its block time beside the wall clock, and moves them on a rewrite', async () => {
    const wall = new Date('2020-01-01T00:00:00Z'); // a wall clock far from the chain's
    const v = {
      attributionId: '7',
      method: 'm@1',
      verdict: 'VERIFIED' as const,
      device: 'cpu',
      replayedAt: wall,
    };
    await writeVerdict(pool, v);
    expect((await read()).chain_height).toBeNull(); // nothing indexed yet: no chain time is invented
    await pool.query(
      `INSERT INTO ${TABLE.indexerState} (id, chain_id, indexed_height, indexed_hash, chain_head_height, digest, digest_height, updated_at)
       VALUES ('current', 1, 12, '0x', 12, '', 10, now())`,
    );
    await pool.query(
      `INSERT INTO ${TABLE.blockDigest} (id, height, hash, timestamp, events, rows, digest) VALUES
       ('0000000010', 10, '0x', '2033-05-18T04:00:00Z', 1, 1, ''), ('0000000013', 13, '0x', '2033-05-18T05:00:00Z', 1, 1, '')`,
    );
    await writeVerdict(pool, v);
    const r = await read();
    expect(r.chain_height).toBe(12);
    expect(r.chain_time.toISOString()).toBe('2033-05-18T04:00:00.000Z'); // block 13 is not indexed yet
    expect(r.replayed_at.toISOString()).toBe(wall.toISOString());
  });
});
