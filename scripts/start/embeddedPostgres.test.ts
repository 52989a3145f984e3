import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { startEmbeddedPostgres } from './embeddedPostgres.js';

const dir = mkdtempSync(join(tmpdir(), 'ae-embedded-pg-'));
chmodSync(dir, 0o755); // as root, the cluster runs as the postgres user, who must reach it
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const p = (s.address() as { port: number }).port;
      s.close(() => resolve(p));
    });
  });
}

async function sql(url: string, text: string): Promise<unknown[]> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return (await c.query(text)).rows;
  } finally {
    await c.end();
  }
}

describe('embedded Postgres', () => {
  it('initialises a cluster on first start and keeps its data for the next', async () => {
    const port = await freePort();
    const first = await startEmbeddedPostgres({ dir: join(dir, 'pg'), port });
    expect(first.databaseUrl).toBe(`postgres://postgres:postgres@127.0.0.1:${port}/attribution`);
    await sql(first.databaseUrl, 'CREATE TABLE kept (v int); INSERT INTO kept VALUES (42)');
    await first.stop();
    await expect(sql(first.databaseUrl, 'SELECT 1')).rejects.toThrow();

    const second = await startEmbeddedPostgres({ dir: join(dir, 'pg'), port });
    try {
      expect(await sql(second.databaseUrl, 'SELECT v FROM kept')).toEqual([{ v: 42 }]);
      // a second launcher on the same data directory is told, not left to fight over it
      await expect(startEmbeddedPostgres({ dir: join(dir, 'pg'), port: await freePort() })).rejects.toThrow(
        /the embedded Postgres of a previous start is still running \(pid \d+\)/,
      );
    } finally {
      await second.stop();
    }
  });
});
