import { UserError } from '@ae/core';
import pg from 'pg';

export type ForeignKeyChecks = 'auto' | 'on' | 'off';

/**
 * Whether the batch writer skips Postgres' foreign-key triggers (`session_replication_role = replica` for
 * the batch's transaction only). The handlers already refuse any event that names a row that does not exist,
 * so the triggers re-check what is known, at a price: one locking lookup per reference per row, a third of
 * the write time of a large backfill. `auto` skips them when the role may (a superuser), `on` keeps them,
 * `off` insists. Other writers (the replay worker, psql) always keep them, and the test suite indexes with
 * them on and off and compares the digests.
 */
export async function skipForeignKeyChecks(databaseUrl: string, setting: ForeignKeyChecks): Promise<boolean> {
  if (setting === 'on') return false;
  const c = new pg.Client({ connectionString: databaseUrl });
  let allowed: boolean;
  try {
    await c.connect();
    const r = await c.query(`SELECT rolsuper AS allowed FROM pg_roles WHERE rolname = current_user`);
    allowed = r.rows[0]?.allowed === true;
  } finally {
    await c.end().catch(() => {});
  }
  if (setting === 'off' && !allowed)
    throw new UserError('FK_CHECKS=off needs a database role that may set session_replication_role', {
      details: 'use a superuser, or FK_CHECKS=auto or on',
    });
  return allowed;
}
