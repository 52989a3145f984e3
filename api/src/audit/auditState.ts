import { COLUMN, TABLE } from '@ae/core/tables';
import type { Db } from '../db/db.js';

const A = COLUMN.attribution;
const D = COLUMN.dispute;
const F = COLUMN.apiAttributionFlag;
const V = COLUMN.attributionVerdict;

/** The chain's clock as the API last read it: the head block's time and the registry's challenge window. */
export interface ChainClock {
  /** Unix seconds of the chain head. */
  chainTime: number;
  /** AttributionRegistry.challengeWindow, seconds. */
  windowS: number;
}

export const AUDIT_STATES = [
  'AWAITING_REPLAY',
  'VERIFIED',
  'DISPUTABLE',
  'DISPUTED',
  'UPHELD',
  'UNDISPUTED_CLOSED',
  'SETTLED',
  'SETTLED_UNVERIFIED',
] as const;
export type AuditState = (typeof AUDIT_STATES)[number];

export const AUDIT_ORDERS = {
  POSTED_DESC: 's.block_number DESC, s.index DESC',
  POSTED_ASC: 's.block_number ASC, s.index ASC',
  // windows still open first, the one closing soonest on top; then the closed ones, latest first
  CLOSES_SOONEST:
    's.closes_at < $3::numeric, CASE WHEN s.closes_at >= $3::numeric THEN s.closes_at END ASC, s.closes_at DESC, s.index',
  DEVIATION_DESC: 's.max_deviation_ppm DESC NULLS LAST, s.block_number DESC, s.index DESC',
} as const;
export type AuditOrder = keyof typeof AUDIT_ORDERS;

export interface AuditRow {
  attributionId: string;
  state: AuditState;
  closesAt: number;
  openDisputes: number;
  flagCount: number;
  latestDisputeId: string | null;
}

export interface AuditFilter {
  /** Attributions to consider: a latest verdict among these, or (includeOpenDisputes) an open dispute. */
  verdicts?: string[] | null;
  includeOpenDisputes?: boolean;
  /** Or exactly these attributions (the per-attribution loader). */
  ids?: string[];
  states?: string[] | null;
  modelId?: string | null;
  poster?: string | null;
}

/**
 * Where each attribution stands in the audit loop, in ONE place (SQL): the latest verdict, open disputes,
 * settlement and the challenge window on the chain clock give the AuditState (see auditTypeDefs). Used by
 * the audit queue (filters, chain-time order, paging) and by Attribution.auditState alike. Without a
 * chain clock an open window cannot be told from a closed one: such postings read DISPUTABLE.
 */
export function auditStateSql(f: AuditFilter, clock: ChainClock | null): { cte: string; params: unknown[] } {
  const params: unknown[] = [
    clock?.windowS ?? null, // $1
    f.ids ?? null, // $2
    clock?.chainTime ?? null, // $3
    f.verdicts ?? null, // $4
    f.includeOpenDisputes ?? false, // $5
    f.modelId ?? null, // $6
    f.poster ? f.poster.toLowerCase() : null, // $7
    f.states ?? null, // $8
  ];
  const cte = `
    WITH latest AS (
      SELECT DISTINCT ON (v.${V.attributionId}) v.${V.attributionId}, v.${V.verdict}, v.${V.maxDeviationPpm}
        FROM ${TABLE.attributionVerdict} v
       WHERE $2::text[] IS NULL OR v.${V.attributionId} = ANY($2::text[])
       ORDER BY v.attribution_id, v.replayed_at DESC
    ), base AS (
      SELECT a.id, a.index, a.block_number, a.status, a.settled, a.settled_paid, l.verdict, l.max_deviation_ppm,
             extract(epoch FROM a.timestamp)::numeric + coalesce($1::numeric, 0) AS closes_at,
             (SELECT count(*) FROM ${TABLE.dispute} d WHERE d.${D.attributionId} = a.${A.id} AND d.${D.status} = 'OPEN')::int AS open_disputes,
             (SELECT d.${D.id} FROM ${TABLE.dispute} d WHERE d.${D.attributionId} = a.${A.id} ORDER BY d.${D.openedBlock} DESC, d.${D.id} DESC LIMIT 1) AS latest_dispute,
             (SELECT count(*) FROM ${TABLE.apiAttributionFlag} f WHERE f.${F.attributionId} = a.${A.id})::int AS flags
        FROM ${TABLE.attribution} a LEFT JOIN latest l ON l.attribution_id = a.${A.id}
       WHERE (($2::text[] IS NOT NULL AND a.${A.id} = ANY($2::text[]))
          OR ($2::text[] IS NULL AND (l.verdict = ANY($4::text[])
               OR ($5::bool AND EXISTS (SELECT 1 FROM ${TABLE.dispute} d WHERE d.${D.attributionId} = a.${A.id} AND d.${D.status} = 'OPEN')))))
         AND ($6::text IS NULL OR a.${A.modelId} = $6::text)
         AND ($7::text IS NULL OR a.${A.posterId} = $7::text)
    ), s AS (
      SELECT b.*, CASE
          WHEN b.status = 'UPHELD' THEN 'UPHELD'
          WHEN b.open_disputes > 0 OR b.status = 'DISPUTED' THEN 'DISPUTED'
          WHEN b.settled AND b.settled_paid THEN CASE WHEN b.verdict = 'VERIFIED' THEN 'SETTLED' ELSE 'SETTLED_UNVERIFIED' END
          WHEN b.verdict IS NULL THEN 'AWAITING_REPLAY'
          WHEN b.verdict = 'VERIFIED' THEN 'VERIFIED'
          WHEN $1::numeric IS NOT NULL AND $3::numeric IS NOT NULL AND b.closes_at <= $3::numeric THEN 'UNDISPUTED_CLOSED'
          ELSE 'DISPUTABLE'
        END AS state
        FROM base b
    )`;
  return { cte, params };
}

const ROW = `s.id AS "attributionId", s.state, s.closes_at::float8 AS "closesAt", s.open_disputes AS "openDisputes",
  s.flags AS "flagCount", s.latest_dispute AS "latestDisputeId"`;

/** One page of the audit queue, in `order` (chain time: posting block, or the window's close). */
export async function auditRows(
  db: Db,
  f: AuditFilter,
  clock: ChainClock | null,
  page: { order: AuditOrder; limit: number; offset: number },
): Promise<AuditRow[]> {
  const { cte, params } = auditStateSql(f, clock);
  return db.query<AuditRow>(
    `${cte} SELECT ${ROW} FROM s WHERE $8::text[] IS NULL OR s.state = ANY($8::text[])
     ORDER BY ${AUDIT_ORDERS[page.order]} LIMIT $9 OFFSET $10`,
    [...params, page.limit, page.offset],
  );
}

/** How many attributions the filter matches (the queue's total for paging). */
export async function auditCount(db: Db, f: AuditFilter, clock: ChainClock | null): Promise<number> {
  const { cte, params } = auditStateSql(f, clock);
  const r = await db.query<{ n: number }>(
    `${cte} SELECT count(*)::int AS n FROM s WHERE $8::text[] IS NULL OR s.state = ANY($8::text[])`,
    params,
  );
  return r[0]?.n ?? 0;
}

/** The audit rows of these attributions (any verdict), for Attribution.auditState and .challenge. */
export async function auditRowsByIds(db: Db, ids: string[], clock: ChainClock | null): Promise<AuditRow[]> {
  const { cte, params } = auditStateSql({ ids }, clock);
  return db.query<AuditRow>(
    `${cte} SELECT ${ROW} FROM s WHERE $8::text[] IS NULL OR s.state = ANY($8::text[])`,
    params,
  );
}
