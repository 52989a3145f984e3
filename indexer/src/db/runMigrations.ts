import { DataSource } from 'typeorm';
import { MIGRATIONS_DIR } from './migrationsDir.js';

/**
 * Applies the committed migrations (what `squid-typeorm-migration apply` does), programmatically so that
 * the TypeScript model needs no compile step. Idempotent: applied migrations are skipped. It loads no entity
 * class: migrations are SQL, so tools and other workspaces' tests can migrate a database without TypeORM's
 * decorators (what @ae/indexer/migrations exports).
 */
export async function runMigrations(databaseUrl: string): Promise<string[]> {
  const ds = new DataSource({
    type: 'postgres',
    url: databaseUrl,
    migrations: [`${MIGRATIONS_DIR}/*.cjs`],
    migrationsTableName: 'migrations',
    logging: false,
  });
  await ds.initialize();
  try {
    const done = await ds.runMigrations({ transaction: 'all' });
    return done.map((m) => m.name);
  } finally {
    await ds.destroy();
  }
}
