import { TABLE } from '@ae/core/tables';
import type pg from 'pg';

/** The indexer tables the worker reads; the indexer's migrations create them. */
const TABLES = [
  TABLE.attribution,
  TABLE.attributionShare,
  TABLE.checkpoint,
  TABLE.contribution,
  TABLE.datanetVersion,
  TABLE.dispute,
  TABLE.inference,
  TABLE.model,
  TABLE.modelTrainedOn,
];

/**
 * Waits until the indexer's migrations have created the tables the worker reads, saying once what it waits
 * for. Started beside a fresh database (docker compose, `npm start`), the worker would otherwise die on its
 * first query with a driver stack trace. Resolves false if `signal` aborts first.
 */
export async function waitForIndex(
  pool: pg.Pool,
  log: (l: string) => void,
  opts: { intervalMs?: number; signal?: AbortSignal } = {},
): Promise<boolean> {
  let said = false;
  while (!opts.signal?.aborted) {
    const r = await pool.query<{ missing: string[] }>(
      `SELECT array_agg(t) FILTER (WHERE to_regclass('public.' || t) IS NULL) AS missing FROM unnest($1::text[]) t`,
      [TABLES],
    );
    const missing = r.rows[0]?.missing ?? [];
    if (missing.length === 0) return true;
    if (!said) {
      log(
        `replay: waiting for the indexer's tables (${missing.join(', ')} missing): start the indexer or run \`npm run migrate -w indexer\``,
      );
      said = true;
    }
    await new Promise((resolve) => setTimeout(resolve, opts.intervalMs ?? 2_000));
  }
  return false;
}
