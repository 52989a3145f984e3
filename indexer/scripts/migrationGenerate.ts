/**
 * Generates the next migration from the difference between the committed migrations and the model, like
 * `squid-typeorm-migration generate`, in a temporary database created (and dropped) on DATABASE_URL's
 * server. Writes db/migrations/<timestamp>-Data.cjs in squid's format (runnable by TypeORM and squid tools).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../src/db/dataSourceOptions.js';
import { MIGRATIONS_DIR } from '../src/db/migrationsDir.js';

const base = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const name = `migration_gen_${process.pid}_${Date.now()}`;
const admin = new pg.Client({ connectionString: base });
await admin.connect();
await admin.query(`CREATE DATABASE ${name}`);
try {
  const url = new URL(base);
  url.pathname = `/${name}`;
  const ds = new DataSource(dataSourceOptions(url.toString()));
  await ds.initialize();
  await ds.runMigrations();
  const sql = await ds.driver.createSchemaBuilder().log();
  await ds.destroy();
  if (sql.upQueries.length === 0) {
    console.log('no changes in the model: no migration generated');
  } else {
    const ts = Date.now();
    const esc = (q: string) => JSON.stringify(q);
    const up = sql.upQueries.map((q) => `        await db.query(${esc(q.query)})`).join('\n');
    const down = sql.downQueries
      .reverse()
      .map((q) => `        await db.query(${esc(q.query)})`)
      .join('\n');
    const src = `module.exports = class Data${ts} {\n    name = 'Data${ts}'\n\n    async up(db) {\n${up}\n    }\n\n    async down(db) {\n${down}\n    }\n}\n`;
    const file = join(MIGRATIONS_DIR, `${ts}-Data.cjs`);
    writeFileSync(file, src);
    console.log(`wrote ${file} (${sql.upQueries.length} statements)`);
  }
} finally {
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.end();
}
