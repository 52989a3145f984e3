import { TABLE, TABLE_OWNER, type TableKey } from '@ae/core/tables';
import pg from 'pg';

/**
 * Tables the indexer writes from the chain: every table it owns in the public schema (the generated list, so a
 * new entity is compared too) but its status row, indexer_state, which also carries wall-clock time.
 */
export const INDEXED_TABLES: readonly string[] = (Object.keys(TABLE) as TableKey[])
  .filter((k) => TABLE_OWNER[k] === 'indexer' && !TABLE[k].includes('.') && k !== 'indexerState')
  .map((k) => TABLE[k]);

export interface StateFingerprint {
  /** Latest chained digest (BlockDigest). */
  digest: string | null;
  digestHeight: number | null;
  /** Per table: row count and md5 of all rows in id order. */
  tables: Record<string, { rows: number; md5: string | null }>;
}

/**
 * The full indexed state in a comparable form: the chained digest plus, per table, the row count and a hash
 * of every row. Tests compare a database that lived through reorgs, kills or faults with a clean index.
 */
export async function stateFingerprint(databaseUrl: string): Promise<StateFingerprint> {
  const c = new pg.Client({ connectionString: databaseUrl });
  await c.connect();
  try {
    const tables: StateFingerprint['tables'] = {};
    for (const t of INDEXED_TABLES) {
      const r = await c.query<{ n: string; md5: string | null }>(
        `SELECT count(*) AS n, md5(string_agg(t::text, '|' ORDER BY t.id)) AS md5 FROM "${t}" t`,
      );
      tables[t] = { rows: Number(r.rows[0].n), md5: r.rows[0].md5 };
    }
    const d = await c.query<{ digest: string; height: number }>(
      `SELECT digest, height FROM ${TABLE.blockDigest} ORDER BY height DESC LIMIT 1`,
    );
    return { digest: d.rows[0]?.digest ?? null, digestHeight: d.rows[0]?.height ?? null, tables };
  } finally {
    await c.end();
  }
}
