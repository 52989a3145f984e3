import { COLUMN, TABLE } from '@ae/core/tables';
import type pg from 'pg';

const S = COLUMN.replayDisputeSpend;

/**
 * The bonds a dispute key has put up, per period of chain time (`replay.dispute_spend`, created by the
 * replay's migrations like its feeder cursor; the worker applies them at start). Every worker sharing a key shares the ledger, and
 * `withLock` holds a Postgres advisory lock on the key for the whole check-send-record, so two workers can
 * neither overspend the budget nor send with the same nonce.
 */
export class DisputeBudget {
  constructor(private readonly pool: pg.Pool) {}

  /** Runs fn while holding the key's advisory lock (on one connection, released however fn ends). */
  async withLock<T>(challenger: string, fn: () => Promise<T>): Promise<T> {
    const c = await this.pool.connect();
    try {
      await c.query(`SELECT pg_advisory_lock(hashtext('replay-dispute:' || $1))`, [challenger.toLowerCase()]);
      try {
        return await fn();
      } finally {
        await c.query(`SELECT pg_advisory_unlock(hashtext('replay-dispute:' || $1))`, [
          challenger.toLowerCase(),
        ]);
      }
    } finally {
      c.release();
    }
  }

  async spent(challenger: string, period: bigint): Promise<bigint> {
    const r = await this.pool.query<{ spent: string }>(
      `SELECT spent::text AS spent FROM ${TABLE.replayDisputeSpend} WHERE ${S.challenger} = $1 AND ${S.period} = $2::numeric`,
      [challenger.toLowerCase(), period.toString()],
    );
    return BigInt(r.rows[0]?.spent ?? '0');
  }

  async spend(challenger: string, period: bigint, bond: bigint): Promise<void> {
    await this.pool.query(
      `INSERT INTO ${TABLE.replayDisputeSpend} (challenger, period, spent, disputes) VALUES ($1, $2::numeric, $3::numeric, 1)
       ON CONFLICT (challenger, period) DO UPDATE
         SET spent = ${TABLE.replayDisputeSpend}.spent + EXCLUDED.spent, disputes = ${TABLE.replayDisputeSpend}.disputes + 1`,
      [challenger.toLowerCase(), period.toString(), bond.toString()],
    );
  }
}
