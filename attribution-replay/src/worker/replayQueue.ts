import { createHash } from 'node:crypto';
import PgBoss from 'pg-boss';
import type { ReplayConfig } from '../config.js';

/** The payload of one replay job; modelId lets a worker group a fetched batch by model. */
export interface ReplayJob {
  attributionId: string;
  modelId: string;
}

export interface QueueOptions {
  /** Seconds between pg-boss supervision runs (expiry of jobs of dead workers); tests shorten it. */
  maintenanceIntervalSeconds?: number;
}

/**
 * Opens the pg-boss queue in its own schema of the indexed database and creates the replay queue. Jobs of
 * a worker that died expire after `jobExpireSeconds` and are retried by another one (at least once), so
 * every handler is idempotent.
 */
export async function openQueue(cfg: ReplayConfig, opts: QueueOptions = {}): Promise<PgBoss> {
  const boss = new PgBoss({
    connectionString: cfg.databaseUrl,
    schema: cfg.queueSchema,
    application_name: 'attribution-replay',
    max: Math.max(4, cfg.concurrency + 2),
    maintenanceIntervalSeconds: opts.maintenanceIntervalSeconds ?? 30,
  });
  boss.on('error', (e) => console.error(`replay queue: ${e.message}`));
  await boss.start();
  if (!(await boss.getQueue(cfg.queueName))) {
    await boss
      .createQueue(cfg.queueName, {
        name: cfg.queueName,
        policy: 'standard',
        retryLimit: cfg.retryLimit,
        retryDelay: 2,
        retryBackoff: true,
        expireInSeconds: cfg.jobExpireSeconds,
      })
      .catch(async (e) => {
        // another worker created it between our check and our call
        if (!(await boss.getQueue(cfg.queueName))) throw e;
      });
  }
  return boss;
}

/**
 * A job id derived from the queue and the attribution: inserting the same attribution twice conflicts on
 * the primary key (pg-boss inserts with ON CONFLICT DO NOTHING), so it is enqueued once even if two feeders race.
 */
export function jobIdFor(queue: string, attributionId: string): string {
  const h = createHash('sha256').update(`${queue}\u0000${attributionId}`).digest('hex');
  // RFC 4122 layout, version 5-like bits, so Postgres accepts it as a uuid
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${((Number.parseInt(h[16], 16) & 3) | 8).toString(16)}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}
