import { arrayLiteral } from './arrayLiteral.js';
import type { EntityClass, IndexerStore, WriteMode as Mode } from './indexerStore.js';
import type { TableLayout } from './tableLayout.js';

/** Rows per statement: arrays travel as one parameter per column, so this bounds memory, not parameters. */
const CHUNK = 20_000;

/** Rows and milliseconds spent writing, per table: where a batch's database time goes. */
export type WriteProfile = Record<string, { rows: number; ms: number }>;

const sqlCache = new WeakMap<TableLayout, Record<Mode, string>>();

/**
 * Writes rows of one entity type with one statement per 20,000 rows reading `unnest(…)` of one array
 * parameter per column (its literal text, arrayLiteral), so Postgres parses and plans one short statement
 * however many rows there are (TypeORM builds a VALUES list with a parameter per cell). `insert` is for rows known to be new, `update`
 * for rows known to exist (whole rows: the batch loaded them whole), `upsert` when it is not known. In a hot
 * block each row's prior state is logged first (HotChangeLog), so a reorg restores it.
 */
export async function bulkWrite<E extends { id: string }>(
  store: IndexerStore,
  rows: E[],
  mode: Mode,
  profile?: WriteProfile,
): Promise<void> {
  if (rows.length === 0) return;
  const t0 = performance.now();
  const layout = store.layout(rows[0].constructor as EntityClass);
  if (!layout.bulk)
    throw new Error(`bulkWrite: ${layout.table} has an array column, which unnest cannot carry`);
  const sql = statements(layout)[mode];
  if (store.writeRows) await store.writeRows(rows, mode);
  else
    for (let i = 0; i < rows.length; i += CHUNK) {
      const chunk = rows.length <= CHUNK ? rows : rows.slice(i, i + CHUNK);
      await store.changes?.beforeWrite(
        layout,
        chunk.map((r) => r.id),
        mode === 'insert',
      );
      if (sql)
        await store.query(
          sql,
          layout.columns.map((c) => arrayLiteral(chunk.map((r) => c.toDb(r)))),
        );
    }
  if (profile) {
    profile[layout.table] ??= { rows: 0, ms: 0 };
    const p = profile[layout.table];
    p.rows += rows.length;
    p.ms += performance.now() - t0;
  }
}

function statements(layout: TableLayout): Record<Mode, string> {
  let s = sqlCache.get(layout);
  if (!s) {
    const q = (n: string) => `"${n.replace(/"/g, '""')}"`;
    const table = q(layout.table);
    const names = layout.columns.map((c) => q(c.name));
    const arrays = layout.columns.map((c, i) => `$${i + 1}::${c.pgType}[]`).join(', ');
    const insert = `INSERT INTO ${table} (${names.join(', ')}) SELECT * FROM unnest(${arrays})`;
    const others = names.filter((n) => n !== '"id"');
    const set = (from: string) => others.map((n) => `${n} = ${from}.${n}`).join(', ');
    s = {
      insert,
      upsert: `${insert} ON CONFLICT (id) DO ${others.length ? `UPDATE SET ${set('EXCLUDED')}` : 'NOTHING'}`,
      // An id-only row has nothing to update.
      update: others.length
        ? `UPDATE ${table} AS t SET ${set('u')} FROM unnest(${arrays}) AS u(${names.join(', ')}) WHERE t."id" = u."id"`
        : '',
    };
    sqlCache.set(layout, s);
  }
  return s;
}

/** Deletes rows of one entity type by id (their prior state logged first in a hot block). */
export async function bulkDelete(store: IndexerStore, cls: EntityClass, ids: string[]): Promise<void> {
  if (ids.length === 0) return;
  const layout = store.layout(cls);
  await store.changes?.beforeWrite(layout, ids, false);
  await store.query(`DELETE FROM "${layout.table.replace(/"/g, '""')}" WHERE "id" = ANY($1::text[])`, [ids]);
}
