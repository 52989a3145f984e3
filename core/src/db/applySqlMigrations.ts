import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { RetryableError } from '../errors/BaseError.js';

/** A workspace's committed migrations: `<dir>/NNNN-name.sql`, applied in name order, each once. */
export interface SqlMigrationSet {
  /** The workspace that owns the tables these files create (api, attribution-replay...). */
  owner: string;
  dir: string;
}

/** The runner's own bookkeeping: which file of which owner was applied, and when. */
const LEDGER = `CREATE TABLE IF NOT EXISTS ae_migration (
  owner text NOT NULL,
  name text NOT NULL,
  applied_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (owner, name)
)`;

/**
 * Applies the owner's migrations that are not applied yet, all in one transaction under one advisory
 * lock, so any number of instances can start at once and a failing file leaves nothing half-done.
 * Why: tables outside the indexer's model (flags, queues' cursors, dispute budgets) are created by committed
 * migrations of the workspace that owns them, never by DDL at request time. Returns the files applied now.
 */
export async function applySqlMigrations(databaseUrl: string, set: SqlMigrationSet): Promise<string[]> {
  const files = readdirSync(set.dir)
    .filter((f) => /^\d{4}-[\w-]+\.sql$/.test(f))
    .sort();
  const client = new pg.Client({ connectionString: databaseUrl });
  try {
    await client.connect();
  } catch (cause) {
    throw new RetryableError('database unavailable for migrations', { cause, meta: { owner: set.owner } });
  }
  try {
    await client.query('BEGIN');
    await client.query(`SELECT pg_advisory_xact_lock(hashtext('ae_migration'))`);
    await client.query(LEDGER);
    const done = new Set(
      (
        await client.query<{ name: string }>('SELECT name FROM ae_migration WHERE owner = $1', [set.owner])
      ).rows.map((r) => r.name),
    );
    const applied: string[] = [];
    for (const f of files) {
      if (done.has(f)) continue;
      await client.query(readFileSync(join(set.dir, f), 'utf8'));
      await client.query('INSERT INTO ae_migration (owner, name) VALUES ($1, $2)', [set.owner, f]);
      applied.push(f);
    }
    await client.query('COMMIT');
    return applied;
  } catch (e) {
    await client.query('ROLLBACK').catch(() => {});
    throw e;
  } finally {
    await client.end().catch(() => {});
  }
}
