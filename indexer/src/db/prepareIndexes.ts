import pg from 'pg';
import type { IndexerConfig } from '../config.js';
import { buildDeferredIndexes, deferIndexes, indexIsEmpty, type Query } from './deferredIndexes.js';

/**
 * Before the processor starts: builds any index a backfill deferred and did not get to build (an indexer that
 * stopped before the head), then applies the migrations (which may name those indexes), then, for an empty
 * index with INDEX_DEFERRAL=auto, sets the secondary indexes aside for the backfill. Answers how many it set
 * aside: the processor builds them when it reaches the head.
 */
export async function prepareIndexes(
  cfg: Pick<IndexerConfig, 'databaseUrl' | 'deferIndexes'>,
  migrate: () => Promise<string[]>,
  log: { info(msg: string): void },
): Promise<number> {
  const rebuilt = await inTransaction(cfg.databaseUrl, buildDeferredIndexes);
  if (rebuilt) log.info(`built ${rebuilt} indexes that an earlier backfill deferred`);
  const applied = await migrate();
  if (applied.length) log.info(`applied migrations: ${applied.join(', ')}`);
  if (!cfg.deferIndexes) return 0;
  const deferred = await inTransaction(cfg.databaseUrl, async (q) =>
    (await indexIsEmpty(q)) ? deferIndexes(q) : 0,
  );
  if (deferred) log.info(`backfilling an empty index: ${deferred} secondary indexes are built at the head`);
  return deferred;
}

async function inTransaction<T>(url: string, fn: (q: Query) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    await c.query('BEGIN');
    const out = await fn(async (sql, p) => (await c.query(sql, p)).rows);
    await c.query('COMMIT');
    return out;
  } catch (e) {
    await c.query('ROLLBACK').catch(() => {});
    throw e;
  } finally {
    await c.end().catch(() => {});
  }
}
