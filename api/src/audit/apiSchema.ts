import type pg from 'pg';
import { mapDbError } from '../db/mapDbError.js';

/**
 * The API's own tables (the indexer never touches them): auditor flags (one per signer and attribution) and
 * the used (signer, nonce) pairs of signed actions. Created idempotently under an advisory lock, so several API instances can start at once.
 */
export const API_SCHEMA_SQL = `
CREATE TABLE IF NOT EXISTS api_signed_nonce (
  signer text NOT NULL,
  nonce numeric NOT NULL,
  action text NOT NULL,
  used_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (signer, nonce)
);
CREATE TABLE IF NOT EXISTS api_attribution_flag (
  id bigserial PRIMARY KEY,
  attribution_id text NOT NULL,
  auditor text NOT NULL,
  reason text NOT NULL,
  nonce numeric NOT NULL,
  deadline numeric NOT NULL,
  signature text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (auditor, nonce)
);
CREATE INDEX IF NOT EXISTS api_attribution_flag_attribution_idx ON api_attribution_flag (attribution_id);
CREATE INDEX IF NOT EXISTS api_attribution_flag_auditor_idx ON api_attribution_flag (auditor);
-- one flag per (signer, attribution): a second submission updates it. Tables from before this rule keep each
-- signer's latest flag on an attribution.
ALTER TABLE api_attribution_flag ADD COLUMN IF NOT EXISTS updated_at timestamptz NOT NULL DEFAULT now();
DELETE FROM api_attribution_flag f USING api_attribution_flag g
 WHERE f.auditor = g.auditor AND f.attribution_id = g.attribution_id AND f.id < g.id;
CREATE UNIQUE INDEX IF NOT EXISTS api_attribution_flag_signer_attribution_uq
  ON api_attribution_flag (auditor, attribution_id);
`;

const done = new WeakMap<pg.Pool, Promise<void>>();

/** Creates the API's tables once per pool. */
export function ensureApiSchema(pool: pg.Pool): Promise<void> {
  let p = done.get(pool);
  if (!p) {
    p = (async () => {
      const c = await pool.connect();
      try {
        await c.query('BEGIN');
        await c.query(`SELECT pg_advisory_xact_lock(hashtext('ae_api_schema'))`);
        await c.query(API_SCHEMA_SQL);
        await c.query('COMMIT');
      } catch (e) {
        await c.query('ROLLBACK').catch(() => {});
        throw mapDbError(e);
      } finally {
        c.release();
      }
    })();
    p.catch(() => done.delete(pool));
    done.set(pool, p);
  }
  return p;
}
