import { DataSource } from 'typeorm';
import { dataSourceOptions } from './dataSourceOptions.js';

/**
 * Applies the committed migrations (what `squid-typeorm-migration apply` does), programmatically so that
 * the TypeScript model needs no compile step. Idempotent: applied migrations are skipped.
 */
export async function runMigrations(databaseUrl: string): Promise<string[]> {
  const ds = new DataSource(dataSourceOptions(databaseUrl));
  await ds.initialize();
  try {
    const done = await ds.runMigrations({ transaction: 'all' });
    return done.map((m) => m.name);
  } finally {
    await ds.destroy();
  }
}
