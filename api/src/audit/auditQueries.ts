import DataLoader from 'dataloader';
import type { Db } from '../db/db.js';
import type { Row } from '../loaders/createLoaders.js';
import { selectColumns } from '../query/selectColumns.js';
import type { Entity } from '../schema/readModel.js';
import { FLAG_COLUMNS } from './flagAttribution.js';

/**
 * Attributions an auditor should look at: latest verdict in `verdicts`, or an open dispute. Driven from the
 * (small, indexed) verdict and dispute tables rather than scanning every attribution.
 */
export async function auditQueue(
  db: Db,
  a: { verdicts: string[]; includeOpenDisputes: boolean; limit: number; offset: number },
): Promise<Array<{ attributionId: string; openDisputes: number; flagCount: number }>> {
  const rows = await db.query<{ id: string; open: number; flags: number }>(
    `WITH latest AS (
       SELECT DISTINCT ON (v.attribution_id) v.attribution_id, v.verdict FROM attribution_verdict v
       ORDER BY v.attribution_id, v.replayed_at DESC
     ), ids AS (
       SELECT attribution_id AS id FROM latest WHERE verdict = ANY($1::text[])
       UNION SELECT d.attribution_id FROM dispute d WHERE $2::bool AND d.status = 'OPEN'
     )
     SELECT a.id, (SELECT count(*) FROM dispute d WHERE d.attribution_id = a.id AND d.status = 'OPEN')::int AS open,
            (SELECT count(*) FROM api_attribution_flag f WHERE f.attribution_id = a.id)::int AS flags
     FROM ids JOIN attribution a ON a.id = ids.id
     ORDER BY a.block_number DESC, a.index DESC LIMIT $3 OFFSET $4`,
    [a.verdicts, a.includeOpenDisputes, a.limit, a.offset],
  );
  return rows.map((r) => ({ attributionId: r.id, openDisputes: r.open, flagCount: r.flags }));
}

export async function attributionFlags(
  db: Db,
  a: { attributionId?: string | null; auditor?: string | null; limit: number; offset: number },
) {
  return db.query<Row>(
    `SELECT ${FLAG_COLUMNS} FROM api_attribution_flag
     WHERE ($1::text IS NULL OR attribution_id = $1) AND ($2::text IS NULL OR auditor = lower($2))
     ORDER BY id DESC LIMIT $3 OFFSET $4`,
    [a.attributionId ?? null, a.auditor ?? null, a.limit, a.offset],
  );
}

/** Per-request loaders for the Attribution extension fields (verdicts by attribution id, flags). */
export function auditLoaders(db: Db, verdictEntity: Entity) {
  return {
    verdicts: new DataLoader<string, Row[]>(async (ids) => {
      const rows = await db.query<Row>(
        `SELECT ${selectColumns(verdictEntity, 't')} FROM attribution_verdict t WHERE t.attribution_id = ANY($1::text[])
         ORDER BY t.replayed_at DESC, t.id`,
        [ids as string[]],
      );
      return ids.map((id) => rows.filter((r) => r.attributionId === id));
    }),
    flags: new DataLoader<string, Row[]>(async (ids) => {
      const rows = await db.query<Row>(
        `SELECT ${FLAG_COLUMNS} FROM api_attribution_flag WHERE attribution_id = ANY($1::text[]) ORDER BY id DESC`,
        [ids as string[]],
      );
      return ids.map((id) => rows.filter((r) => r.attributionId === id));
    }),
  };
}
