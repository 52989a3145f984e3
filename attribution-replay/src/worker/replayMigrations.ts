import { join } from 'node:path';
import { packageRoot } from '@ae/core';
import { applySqlMigrations } from '@ae/core/migrations';

/**
 * The replay worker's committed migrations (attribution-replay/db/migrations): the tables it owns, verdicts
 * (attribution_verdict), feeder cursor, dispute budget. The API applies them too, as it reads the verdicts.
 */
export const REPLAY_MIGRATIONS = {
  owner: 'attribution-replay',
  dir: join(packageRoot(import.meta.url), 'db', 'migrations'),
};

/** Applies the replay's migrations not applied yet; every worker calls it at start (any number at once). */
export function migrateReplay(databaseUrl: string): Promise<string[]> {
  return applySqlMigrations(databaseUrl, REPLAY_MIGRATIONS);
}
