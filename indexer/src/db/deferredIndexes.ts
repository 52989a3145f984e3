import { COLUMN, TABLE, TABLE_OWNER, type TableKey } from '@ae/core/tables';
import { STATE_TABLES } from './stateTables.js';

/** One statement on some connection or transaction; answers the rows. */
export type Query = (sql: string, params?: unknown[]) => Promise<Record<string, unknown>[]>;

/** Indexes the indexer's own reads use while it writes (shares by attribution, the last digest): never deferred. */
const KEEP: { table: string; columns: string[] }[] = [
  { table: TABLE.attributionShare, columns: [COLUMN.attributionShare.attributionId] },
  { table: TABLE.blockDigest, columns: [COLUMN.blockDigest.height] },
];

/** The indexer's entity tables (public schema): the only ones whose indexes are deferred. */
const ENTITY_TABLES = (Object.keys(TABLE_OWNER) as TableKey[])
  .filter((k) => TABLE_OWNER[k] === 'indexer' && !TABLE[k].includes('.'))
  .map((k) => TABLE[k].replace(/"/g, ''));

const DEFERRED = STATE_TABLES.deferredIndex;

/**
 * Before an empty index is backfilled: drops the secondary indexes of the indexer's entity tables (not primary
 * keys, unique or constraint indexes, nor those its own reads use) and records each definition, in the caller's
 * transaction. Postgres then maintains only the primary keys while rows stream in; buildDeferredIndexes builds
 * each index once, from the full table, when the indexer reaches the head. Answers how many it set aside.
 */
export async function deferIndexes(q: Query): Promise<number> {
  const rows = (await q(
    `SELECT i.relname AS name, t.relname AS table_name, pg_get_indexdef(i.oid) AS definition,
            array_agg(a.attname::text ORDER BY k.ord) AS columns
       FROM pg_index x
       JOIN pg_class i ON i.oid = x.indexrelid
       JOIN pg_class t ON t.oid = x.indrelid
       JOIN pg_namespace n ON n.oid = t.relnamespace
       CROSS JOIN LATERAL unnest(x.indkey::int2[]) WITH ORDINALITY AS k(attnum, ord)
       JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum
      WHERE n.nspname = 'public' AND t.relname = ANY($1::text[]) AND NOT x.indisunique AND NOT x.indisprimary
        AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.oid)
      GROUP BY i.oid, i.relname, t.relname
      ORDER BY t.relname, i.relname`,
    [ENTITY_TABLES],
  )) as { name: string; table_name: string; definition: string; columns: string[] }[];
  const deferred = rows.filter(
    (r) => !KEEP.some((k) => k.table === r.table_name && k.columns.join() === r.columns.join()),
  );
  for (const r of deferred) {
    await q(`INSERT INTO ${DEFERRED} (name, table_name, definition) VALUES ($1, $2, $3)`, [
      r.name,
      r.table_name,
      r.definition,
    ]);
    await q(`DROP INDEX ${quoteIdent(r.name)}`);
  }
  return deferred.length;
}

/**
 * Builds every deferred index (in the caller's transaction, so the build and the bookkeeping commit together)
 * and answers how many it built. An index that exists already is only forgotten; a missing bookkeeping table
 * (a database migrated before it existed) means nothing is deferred.
 */
export async function buildDeferredIndexes(q: Query): Promise<number> {
  const exists = await q(`SELECT to_regclass($1) IS NOT NULL AS ok`, [DEFERRED]);
  if (exists[0]?.ok !== true) return 0;
  const rows = (await q(`SELECT name, definition FROM ${DEFERRED} ORDER BY table_name, name`)) as {
    name: string;
    definition: string;
  }[];
  if (rows.length === 0) return 0;
  await q(`SET LOCAL maintenance_work_mem = '256MB'`);
  for (const r of rows) {
    const there = await q(`SELECT to_regclass($1) IS NOT NULL AS ok`, [`public.${quoteIdent(r.name)}`]);
    if (there[0]?.ok !== true) await q(r.definition);
    await q(`DELETE FROM ${DEFERRED} WHERE name = $1`, [r.name]);
  }
  return rows.length;
}

/** Whether the processor has committed nothing yet (no status row, or height -1): the case deferral is for. */
export async function indexIsEmpty(q: Query): Promise<boolean> {
  const r = await q(`SELECT height FROM ${STATE_TABLES.status} WHERE id = 0`);
  return r.length === 0 || Number(r[0].height) < 0;
}

function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}
