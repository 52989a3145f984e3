import { createTestDatabase } from '@ae/testkit';
import pg from 'pg';
import { PONDER_TABLES } from './ponderTables.js';

/** Per compared table, the column lists of its secondary indexes: what the Ponder app declares (BENCH_PONDER_INDEXES). */
export type PonderIndexes = Record<string, string[][]>;

/**
 * The indexer's secondary indexes on the compared tables, read from a freshly migrated database (not retyped):
 * every non-unique index whose columns the Ponder table has. The Ponder app declares the same ones, so both
 * sides end with the same indexes on the same rows; Ponder builds its indexes after its backfill, as the
 * indexer does with INDEX_DEFERRAL=auto.
 */
export async function ponderIndexes(): Promise<PonderIndexes> {
  const db = await createTestDatabase({ prefix: 'bench_indexes' });
  try {
    const out: PonderIndexes = {};
    for (const row of await secondaryIndexes(db.url, 'public')) {
      const spec = PONDER_TABLES.find((t) => t.name === row.table);
      if (!spec || !row.columns.every((col) => col in spec.columns)) continue;
      out[row.table] = [...(out[row.table] ?? []), row.columns];
    }
    return out;
  } finally {
    await db.drop();
  }
}

/**
 * The secondary indexes on the compared tables of a finished run, as `table(col, …)` sorted: both sides must
 * end with the declared ones (the indexer's deferred indexes built, Ponder's created after its backfill).
 */
export async function indexesIn(databaseUrl: string, schema: string): Promise<string[]> {
  const rows = await secondaryIndexes(databaseUrl, schema);
  return rows
    .filter((r) =>
      PONDER_TABLES.some((t) => t.name === r.table && r.columns.every((col) => col in t.columns)),
    )
    .map((r) => `${r.table}(${r.columns.join(', ')})`)
    .sort();
}

async function secondaryIndexes(
  url: string,
  schema: string,
): Promise<{ table: string; columns: string[] }[]> {
  const c = new pg.Client({ connectionString: url });
  try {
    await c.connect();
    const r = await c.query<{ table: string; columns: string[] }>(
      `SELECT t.relname AS table, array_agg(a.attname::text ORDER BY k.ord) AS columns
         FROM pg_index x
         JOIN pg_class t ON t.oid = x.indrelid
         JOIN pg_namespace n ON n.oid = t.relnamespace AND n.nspname = $2
         CROSS JOIN LATERAL unnest(x.indkey::int2[]) WITH ORDINALITY AS k(attnum, ord)
         JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum
        WHERE t.relname = ANY($1::text[]) AND NOT x.indisunique AND NOT x.indisprimary
        GROUP BY x.indexrelid, t.relname
        ORDER BY t.relname, 2`,
      [PONDER_TABLES.map((t) => t.name), schema],
    );
    return r.rows;
  } finally {
    await c.end().catch(() => {});
  }
}
