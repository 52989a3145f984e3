import { COLUMN, TABLE } from '@ae/core/tables';
import type pg from 'pg';
import type PgBoss from 'pg-boss';
import { jobIdFor, type ReplayJob } from './replayQueue.js';

const A = COLUMN.attribution;
const I = COLUMN.inference;

/**
 * Moves new AttributionPosted rows from the indexed tables into the queue. The cursor (the highest
 * attribution index enqueued) lives in `replay.feeder_cursor`, locked FOR UPDATE and advanced in the same
 * transaction as the inserts, so any number of feeders enqueue every attribution exactly once; the
 * deterministic job id and the singleton key guard the same thing a second time.
 */
export class Feeder {
  constructor(
    private readonly pool: pg.Pool,
    private readonly boss: PgBoss,
    private readonly queue: string,
    private readonly pageSize = 1_000,
  ) {}

  /** The queue's cursor row (the table comes from the replay's migrations, see replayMigrations.ts). */
  async ensureCursor(): Promise<void> {
    await this.pool.query(
      `INSERT INTO ${TABLE.replayFeederCursor} (queue, last_index) VALUES ($1, 0) ON CONFLICT DO NOTHING`,
      [this.queue],
    );
  }

  /** Enqueues up to one page of new attributions; returns how many. */
  async tick(): Promise<number> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      const cur = await client.query(
        `SELECT last_index::text AS i FROM ${TABLE.replayFeederCursor} WHERE ${COLUMN.replayFeederCursor.queue} = $1 FOR UPDATE`,
        [this.queue],
      );
      const last = cur.rows[0]?.i ?? '0';
      const rows = await client.query(
        `SELECT a.id, a.index::text AS index, i.model_id
           FROM ${TABLE.attribution} a JOIN ${TABLE.inference} i ON i.${I.id} = a.${A.inferenceId}
          WHERE a.${A.index} > $1::numeric ORDER BY a.${A.index} LIMIT $2`,
        [last, this.pageSize],
      );
      if (rows.rowCount === 0) {
        await client.query('COMMIT');
        return 0;
      }
      const jobs: PgBoss.JobInsert<ReplayJob>[] = rows.rows.map((r) => ({
        id: jobIdFor(this.queue, r.id),
        name: this.queue,
        singletonKey: r.id,
        data: { attributionId: r.id, modelId: r.model_id },
      }));
      await this.boss.insert(jobs, { db: { executeSql: (text, values) => client.query(text, values) } });
      await client.query(
        `UPDATE ${TABLE.replayFeederCursor} SET last_index = $2::numeric WHERE ${COLUMN.replayFeederCursor.queue} = $1`,
        [this.queue, rows.rows[rows.rows.length - 1].index],
      );
      await client.query('COMMIT');
      return rows.rowCount ?? 0;
    } catch (e) {
      await client.query('ROLLBACK').catch(() => {});
      throw e;
    } finally {
      client.release();
    }
  }

  /** Enqueues until nothing new is left (a catch-up after a restart or a long outage). */
  async drain(): Promise<number> {
    let total = 0;
    for (let n = await this.tick(); n > 0; n = await this.tick()) total += n;
    return total;
  }
}
