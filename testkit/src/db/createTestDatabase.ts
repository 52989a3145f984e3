import { migrateReplay } from '@ae/attribution-replay/migrations';
import { runMigrations } from '@ae/indexer/migrations';
import pg from 'pg';

export interface TestDatabase {
  /** Connection string of the new database. */
  url: string;
  /** Drops the database (terminating leftover connections). */
  drop(): Promise<void>;
}

/**
 * Creates a uniquely named database on DATABASE_URL's server with the migrations of the indexer and of the
 * replay worker (the owners of the tables an index is read from) applied, so that each test file (indexer,
 * API, replay worker) owns its schema and never sees another file's rows.
 */
export async function createTestDatabase(
  opts: { baseUrl?: string; prefix?: string; migrate?: boolean } = {},
): Promise<TestDatabase> {
  const base = opts.baseUrl ?? process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const prefix = (opts.prefix ?? 'test').replace(/[^a-z0-9_]/gi, '_').toLowerCase();
  const name = `${prefix}_${process.pid}_${Date.now().toString(36)}_${Math.floor(Math.random() * 1e6)}`;
  await adminQuery(base, `CREATE DATABASE "${name}"`);
  const url = new URL(base);
  url.pathname = `/${name}`;
  const dbUrl = url.toString();
  if (opts.migrate !== false) {
    await runMigrations(dbUrl);
    await migrateReplay(dbUrl);
  }
  return {
    url: dbUrl,
    drop: () => adminQuery(base, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`),
  };
}

async function adminQuery(url: string, sql: string): Promise<void> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    await c.query(sql);
  } finally {
    await c.end();
  }
}
