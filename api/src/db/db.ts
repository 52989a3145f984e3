import type pg from 'pg';
import { mapDbError } from './mapDbError.js';

/** The one way the API talks to Postgres: parameterised statements, errors mapped to BaseError codes. */
export interface Db {
  query<T = Record<string, unknown>>(text: string, params?: readonly unknown[]): Promise<T[]>;
  /** A named prepared statement: parsed and planned once per connection (for big fixed statements like lineage). */
  prepared<T = Record<string, unknown>>(name: string, text: string, params: readonly unknown[]): Promise<T[]>;
  /** Runs `fn` in one transaction on one connection. */
  transaction<T>(fn: (client: pg.PoolClient) => Promise<T>): Promise<T>;
}

/**
 * Wraps a pg pool. Every connection gets the per-statement timeout (unless the pool already sets one), so one expensive request cannot hold a
 * connection (or the database) for longer than statementTimeoutMs.
 */
export function createDb(pool: pg.Pool, statementTimeoutMs: number): Db {
  // pg sends statement_timeout as a startup parameter of every new connection of the pool.
  const options = (pool as unknown as { options: { statement_timeout?: number; options?: string } }).options;
  if (options.statement_timeout === undefined)
    options.statement_timeout = Math.max(1, Math.floor(statementTimeoutMs));
  // JIT compiles the big lineage plan for a second to save milliseconds; prepared statements keep one generic plan.
  if (options.options === undefined) options.options = '-c jit=off -c plan_cache_mode=force_generic_plan';
  // An idle connection the server drops (restart, failover, pg_terminate_backend) must not crash the API:
  // the pool discards it and opens another on the next query.
  if (pool.listenerCount('error') === 0) {
    pool.on('error', (e) =>
      console.warn(`api: idle database connection lost (${e.message}); the pool replaces it`),
    );
  }
  return {
    async query<T>(text: string, params: readonly unknown[] = []) {
      try {
        const r = await pool.query(text, params as unknown[]);
        return r.rows as T[];
      } catch (e) {
        throw mapDbError(e);
      }
    },
    async prepared<T>(name: string, text: string, params: readonly unknown[]) {
      try {
        const r = await pool.query({ name, text, values: params as unknown[] });
        return r.rows as T[];
      } catch (e) {
        throw mapDbError(e);
      }
    },
    async transaction<T>(fn: (client: pg.PoolClient) => Promise<T>) {
      let client: pg.PoolClient;
      try {
        client = await pool.connect();
      } catch (e) {
        throw mapDbError(e);
      }
      try {
        await client.query('BEGIN');
        const out = await fn(client);
        await client.query('COMMIT');
        return out;
      } catch (e) {
        await client.query('ROLLBACK').catch(() => {});
        throw mapDbError(e);
      } finally {
        client.release();
      }
    },
  };
}
