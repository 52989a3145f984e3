import { COLUMN, TABLE } from '@ae/core/tables';
import DataLoader from 'dataloader';
import type { Db } from '../db/db.js';
import type { Entity } from '../entities/model/readModel.js';
import type { Row } from '../entities/resolve/createLoaders.js';
import { selectColumns } from '../entities/sql/selectColumns.js';
import { type AuditRow, auditRowsByIds, type ChainClock } from './auditState.js';
import { FLAG_COLUMNS } from './flagAttribution.js';

const F = COLUMN.apiAttributionFlag;
const V = COLUMN.attributionVerdict;

export async function attributionFlags(
  db: Db,
  a: { attributionId?: string | null; auditor?: string | null; limit: number; offset: number },
) {
  return db.query<Row>(
    `SELECT ${FLAG_COLUMNS} FROM ${TABLE.apiAttributionFlag}
     WHERE ($1::text IS NULL OR ${F.attributionId} = $1) AND ($2::text IS NULL OR ${F.auditor} = lower($2))
     ORDER BY updated_at DESC, id DESC LIMIT $3 OFFSET $4`,
    [a.attributionId ?? null, a.auditor ?? null, a.limit, a.offset],
  );
}

/**
 * Per-request loaders for the audit fields: verdicts and flags by attribution id, each attribution's audit
 * row (state, window, disputes; read with the chain clock fetched once per request) and its disputes
 * (id, challenger, status), so a flag can find the dispute its signer opened.
 */
export function auditLoaders(db: Db, verdictEntity: Entity, clock: () => Promise<ChainClock | null>) {
  let clockOnce: Promise<ChainClock | null> | undefined;
  const chainClock = () => {
    clockOnce ??= clock().catch(() => null);
    return clockOnce;
  };
  return {
    chainClock,
    verdicts: new DataLoader<string, Row[]>(async (ids) => {
      const rows = await db.query<Row>(
        `SELECT ${selectColumns(verdictEntity, 't')} FROM ${TABLE.attributionVerdict} t WHERE t.${V.attributionId} = ANY($1::text[])
         ORDER BY t.replayed_at DESC, t.id`,
        [ids as string[]],
      );
      return ids.map((id) => rows.filter((r) => r.attributionId === id));
    }),
    flags: new DataLoader<string, Row[]>(async (ids) => {
      const rows = await db.query<Row>(
        `SELECT ${FLAG_COLUMNS} FROM ${TABLE.apiAttributionFlag} WHERE ${F.attributionId} = ANY($1::text[])
         ORDER BY updated_at DESC, id DESC`,
        [ids as string[]],
      );
      return ids.map((id) => rows.filter((r) => r.attributionId === id));
    }),
    audit: new DataLoader<string, AuditRow | null>(async (ids) => {
      const rows = await auditRowsByIds(db, ids as string[], await chainClock());
      const by = new Map(rows.map((r) => [r.attributionId, r]));
      return ids.map((id) => by.get(id) ?? null);
    }),
    disputes: new DataLoader<string, { id: string; challenger: string; status: string }[]>(async (ids) => {
      const rows = await db.query<{ id: string; attribution_id: string; challenger: string; status: string }>(
        `SELECT id, attribution_id, challenger_id AS challenger, status FROM ${TABLE.dispute}
         WHERE ${COLUMN.dispute.attributionId} = ANY($1::text[]) ORDER BY opened_block DESC, id DESC`,
        [ids as string[]],
      );
      return ids.map((id) => rows.filter((r) => r.attribution_id === id));
    }),
  };
}
