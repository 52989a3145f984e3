import { join } from 'node:path';
import { packageRoot } from '@ae/core';
import { applySqlMigrations } from '@ae/core/migrations';

/** The API's committed migrations (api/db/migrations): the tables it owns, auditor flags and signed nonces. */
export const API_MIGRATIONS = { owner: 'api', dir: join(packageRoot(import.meta.url), 'db', 'migrations') };

/**
 * Applies the API's migrations that are not applied yet (once, in order, under the runner's lock, so several
 * API instances can start together). startApiServer calls it before it listens; nothing creates tables at
 * request time. Returns the files applied.
 */
export function migrateApi(databaseUrl: string): Promise<string[]> {
  return applySqlMigrations(databaseUrl, API_MIGRATIONS);
}
