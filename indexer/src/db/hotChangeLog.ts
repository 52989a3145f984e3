import type { IndexerStore } from './indexerStore.js';
import { STATE_TABLES } from './stateTables.js';
import type { TableLayout } from './tableLayout.js';

const quote = (n: string) => `"${n.replace(/"/g, '""')}"`;

/**
 * The change log of one unfinalized block: before the bulk writer changes rows, it records each row's prior
 * state (the whole row as jsonb, or null when the row did not exist) in squid_processor.hot_row_change, in
 * write order. Rows are captured by Postgres itself (`to_jsonb` of the stored row), so a rollback restores
 * exactly what was stored: numerics, times to the microsecond and text byte for byte.
 */
export class HotChangeLog {
  constructor(
    private readonly store: IndexerStore,
    readonly blockHeight: number,
  ) {}

  /** Records the prior state of rows about to be written; `knownNew` rows are inserts (no prior state). */
  async beforeWrite(layout: TableLayout, ids: string[], knownNew: boolean): Promise<void> {
    if (ids.length === 0) return;
    const table = quote(layout.table);
    const prior = knownNew ? 'NULL::jsonb' : 'to_jsonb(t)';
    const join = knownNew ? '' : ` LEFT JOIN ${table} AS t ON t."id" = i.id`;
    await this.store.query(
      `INSERT INTO ${STATE_TABLES.hotRowChange} (block_height, table_name, row_id, prior)
       SELECT $1, $2, i.id, ${prior} FROM unnest($3::text[]) WITH ORDINALITY AS i(id, n)${join} ORDER BY i.n`,
      [this.blockHeight, layout.table, ids],
    );
  }
}

interface Change {
  seq: string;
  table_name: string;
  row_id: string;
  absent: boolean;
}

/**
 * Undoes every unfinalized block at or above `height`, newest change first, then forgets those blocks.
 * Consecutive changes of one table and kind are undone with one statement (rows that did not exist are
 * deleted; others are put back whole from their earliest prior state in the run), so the undo keeps the
 * writer's foreign-key order reversed and costs a few statements per block, not one per row.
 */
export async function rollBackHotBlocks(store: IndexerStore, height: number): Promise<void> {
  const changes = await store.query<Change>(
    // seq travels as text (a bigint) but sorts as the number it is.
    `SELECT c.seq::text AS seq, c.table_name, c.row_id, c.prior IS NULL AS absent
     FROM ${STATE_TABLES.hotRowChange} AS c WHERE c.block_height >= $1 ORDER BY c.seq DESC`,
    [height],
  );
  const columns = new Map<string, string[]>();
  for (let i = 0; i < changes.length; ) {
    let j = i;
    const { table_name: table, absent } = changes[i];
    while (j < changes.length && changes[j].table_name === table && changes[j].absent === absent) j++;
    const run = changes.slice(i, j);
    if (absent) {
      await store.query(`DELETE FROM ${quote(table)} WHERE "id" = ANY($1::text[])`, [
        run.map((c) => c.row_id),
      ]);
    } else {
      // Newest first: the last seq seen for an id is its earliest prior state in this run.
      const earliest = new Map(run.map((c) => [c.row_id, c.seq]));
      await restore(store, table, await tableColumns(store, table, columns), [...earliest.values()]);
    }
    i = j;
  }
  await store.query(`DELETE FROM ${STATE_TABLES.hotBlock} WHERE height >= $1`, [height]);
}

async function restore(store: IndexerStore, table: string, cols: string[], seqs: string[]): Promise<void> {
  const t = quote(table);
  const names = cols.map(quote);
  const set = names.filter((n) => n !== '"id"').map((n) => `${n} = EXCLUDED.${n}`);
  await store.query(
    `INSERT INTO ${t} (${names.join(', ')})
     SELECT ${names.map((n) => `r.${n}`).join(', ')}
     FROM ${STATE_TABLES.hotRowChange} AS c, jsonb_populate_record(NULL::${t}, c.prior) AS r
     WHERE c.seq = ANY($1::bigint[])
     ON CONFLICT ("id") DO ${set.length ? `UPDATE SET ${set.join(', ')}` : 'NOTHING'}`,
    [seqs],
  );
}

async function tableColumns(
  store: IndexerStore,
  table: string,
  cache: Map<string, string[]>,
): Promise<string[]> {
  let cols = cache.get(table);
  if (!cols) {
    const rows = await store.query<{ name: string }>(
      `SELECT attname AS name FROM pg_attribute WHERE attrelid = $1::regclass AND attnum > 0 AND NOT attisdropped
       ORDER BY attnum`,
      [quote(table)],
    );
    cols = rows.map((r) => r.name);
    cache.set(table, cols);
  }
  return cols;
}
