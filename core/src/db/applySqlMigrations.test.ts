import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applySqlMigrations } from './applySqlMigrations.js';

const base = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const name = `core_migrations_${process.pid}_${Date.now().toString(36)}`;
let url: string;

async function admin(sql: string) {
  const c = new pg.Client({ connectionString: base });
  await c.connect();
  await c.query(sql).finally(() => c.end());
}

beforeAll(async () => {
  await admin(`CREATE DATABASE "${name}"`);
  const u = new URL(base);
  u.pathname = `/${name}`;
  url = u.toString();
});
afterAll(() => admin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));

async function tables(): Promise<string[]> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  const r = await c.query(
    `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY 1`,
  );
  await c.end();
  return r.rows.map((x) => x.table_name);
}

describe('applySqlMigrations', () => {
  it('applies each file once, in order, even when instances start together', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mig-'));
    writeFileSync(join(dir, '0001-a.sql'), 'CREATE TABLE t_a (id int PRIMARY KEY);');
    writeFileSync(join(dir, '0002-b.sql'), 'CREATE TABLE t_b (a int REFERENCES t_a (id));');
    writeFileSync(join(dir, 'notes.txt'), 'not a migration');
    const runs = await Promise.all([1, 2, 3].map(() => applySqlMigrations(url, { owner: 'demo', dir })));
    expect(runs.flat().sort()).toEqual(['0001-a.sql', '0002-b.sql']);
    expect(await applySqlMigrations(url, { owner: 'demo', dir })).toEqual([]);
    expect(await tables()).toEqual(expect.arrayContaining(['ae_migration', 't_a', 't_b']));
  });

  it('leaves nothing half-done when a file fails, and keeps owners apart', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mig-'));
    writeFileSync(join(dir, '0001-ok.sql'), 'CREATE TABLE t_ok (id int);');
    writeFileSync(join(dir, '0002-bad.sql'), 'CREATE TABLE t_bad (id nonsense_type);');
    await expect(applySqlMigrations(url, { owner: 'other', dir })).rejects.toThrow(/nonsense_type/);
    expect(await tables()).not.toContain('t_ok');
    writeFileSync(join(dir, '0002-bad.sql'), 'CREATE TABLE t_bad (id int);');
    expect(await applySqlMigrations(url, { owner: 'other', dir })).toEqual(['0001-ok.sql', '0002-bad.sql']);
  });
});
