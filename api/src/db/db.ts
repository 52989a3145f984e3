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

const watched = new WeakSet<pg.Pool>();

/**
 * Wraps a pg pool. Each connection, before its first statement, gets the per-statement timeout (so one
 * expensive request cannot hold a connection, or the database, for longer than statementTimeoutMs), JIT off
 * (it compiles the big lineage plan for a second to save milliseconds) and generic plans for prepared
 * statements; statements then run on a checked-out client (pg's public connect/release).
 */
export function createDb(pool: pg.Pool, statementTimeoutMs: number): Db {
  const ms = Math.max(1, Math.floor(statementTimeoutMs));
  const ready = new WeakSet<pg.PoolClient>();
  if (!watched.has(pool)) {
    watched.add(pool);
    // An idle connection the server drops (restart, failover, pg_terminate_backend) must not crash the API:
    // the pool discards it and opens another on the next query.
    if (pool.listenerCount('error') === 0) {
      pool.on('error', (e) =>
        console.warn(`api: idle database connection lost (${e.message}); the pool replaces it`),
      );
    }
  }
  const withClient = async <T>(fn: (c: pg.PoolClient) => Promise<T>): Promise<T> => {
    let client: pg.PoolClient;
    try {
      client = await pool.connect();
    } catch (e) {
      throw mapDbError(e);
    }
    let broken: Error | undefined;
    try {
      if (!ready.has(client)) {
        await client.query(
          `SET statement_timeout = ${ms}; SET jit = off; SET plan_cache_mode = force_generic_plan`,
        );
        ready.add(client);
      }
      return await fn(client);
    } catch (e) {
      // a lost connection must not go back to the pool
      if ((e as { code?: string }).code?.startsWith('08') || (e as Error).message?.includes('terminat'))
        broken = e as Error;
      throw mapDbError(e);
    } finally {
      client.release(broken);
    }
  };
  return {
    query<T>(text: string, params: readonly unknown[] = []) {
      return withClient(async (c) => (await c.query(text, params as unknown[])).rows as T[]);
    },
    prepared<T>(name: string, text: string, params: readonly unknown[]) {
      return withClient(
        async (c) => (await c.query({ name, text, values: params as unknown[] })).rows as T[],
      );
    },
    transaction<T>(fn: (client: pg.PoolClient) => Promise<T>) {
      return withClient(async (client) => {
        await client.query('BEGIN');
        try {
          const out = await fn(client);
          await client.query('COMMIT');
          return out;
        } catch (e) {
          await client.query('ROLLBACK').catch(() => {});
          throw e;
        }
      });
    },
  };
}
