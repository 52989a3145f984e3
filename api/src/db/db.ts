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

const prepared = new WeakSet<pg.Pool>();

/**
 * Wraps a pg pool. Every new connection of the pool first gets the per-statement timeout (so one expensive
 * request cannot hold a connection, or the database, for longer than statementTimeoutMs), JIT off (it compiles
 * the big lineage plan for a second to save milliseconds) and generic plans for prepared statements; through
 * the pool's public `connect` event, the documented place for per-connection setup.
 */
export function createDb(pool: pg.Pool, statementTimeoutMs: number): Db {
  if (!prepared.has(pool)) {
    prepared.add(pool);
    const ms = Math.max(1, Math.floor(statementTimeoutMs));
    pool.on('connect', (client) => {
      client
        .query(`SET statement_timeout = ${ms}; SET jit = off; SET plan_cache_mode = force_generic_plan`)
        .catch(() => {}); // a connection that cannot even SET fails its first real query, which is mapped
    });
    // An idle connection the server drops (restart, failover, pg_terminate_backend) must not crash the API:
    // the pool discards it and opens another on the next query.
    if (pool.listenerCount('error') === 0) {
      pool.on('error', (e) =>
        console.warn(`api: idle database connection lost (${e.message}); the pool replaces it`),
      );
    }
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
