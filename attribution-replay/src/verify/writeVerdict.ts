import { CHAIN_HEAD_SQL } from '@ae/core';
import { COLUMN, TABLE } from '@ae/core/tables';
import type pg from 'pg';
import { type Verdict, verdictId } from './verdict.js';

/**
 * Upserts the verdict row (attribution_verdict: the replay's own table, created by its migrations, written only here).
 * Keyed by (attribution, method): a job delivered twice overwrites its own row, never adds one. A dispute
 * transaction hash, once recorded, is kept even if a later replay has none to report.
 */
export async function writeVerdict(db: pg.Pool | pg.PoolClient, v: Verdict): Promise<void> {
  await db.query(
    `INSERT INTO ${TABLE.attributionVerdict}
       (id, attribution_id, method, verdict, max_deviation_ppm, over_credited, under_credited, recomputed,
        reason, evidence_hash, device, dispute_tx_hash, replayed_at, chain_height, chain_time)
     SELECT $1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13, h.height, h.time FROM (${CHAIN_HEAD_SQL}) h
     ON CONFLICT (id) DO UPDATE SET
       verdict = EXCLUDED.verdict, max_deviation_ppm = EXCLUDED.max_deviation_ppm,
       over_credited = EXCLUDED.over_credited, under_credited = EXCLUDED.under_credited,
       recomputed = EXCLUDED.recomputed, reason = EXCLUDED.reason, evidence_hash = EXCLUDED.evidence_hash,
       device = EXCLUDED.device,
       dispute_tx_hash = COALESCE(EXCLUDED.dispute_tx_hash, attribution_verdict.dispute_tx_hash),
       replayed_at = EXCLUDED.replayed_at, chain_height = EXCLUDED.chain_height, chain_time = EXCLUDED.chain_time`,
    [
      verdictId(v.attributionId, v.method),
      v.attributionId,
      v.method,
      v.verdict,
      v.maxDeviationPpm ?? null,
      v.overCredited ?? null,
      v.underCredited ?? null,
      v.recomputed ? JSON.stringify(v.recomputed) : null,
      v.reason ?? null,
      v.evidenceHash ?? null,
      v.device,
      v.disputeTxHash ?? null,
      v.replayedAt,
    ],
  );
}

/** The stored dispute of an attribution's verdict, so a redelivered job does not dispute twice. */
export async function storedDisputeTx(
  db: pg.Pool | pg.PoolClient,
  attributionId: string,
  method: string,
): Promise<string | undefined> {
  const r = await db.query(
    `SELECT dispute_tx_hash FROM ${TABLE.attributionVerdict} WHERE ${COLUMN.attributionVerdict.id} = $1`,
    [verdictId(attributionId, method)],
  );
  return r.rows[0]?.dispute_tx_hash ?? undefined;
}
