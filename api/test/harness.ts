import { createTestDatabase, type TestDatabase } from '@ae/testkit';
import pg from 'pg';
import { type CreateApiOptions, createApi, migrateApi } from '../src/index.js';

export interface Harness {
  db: TestDatabase;
  pool: pg.Pool;
  api: ReturnType<typeof createApi>;
  /** Number of statements the API sent through the pool so far (one checkout each). */
  statements(): number;
  // biome-ignore lint/suspicious/noExplicitAny: test responses are checked field by field
  gql<T = Record<string, any>>(
    query: string,
    variables?: Record<string, unknown>,
  ): Promise<{
    data?: T;
    errors?: Array<{ message: string; path?: Array<string | number>; extensions?: { code?: string } }>;
  }>;
  close(): Promise<void>;
}

/** A fresh database with the indexer's and the API's migrations, a counting pool and the API over it. */
export async function startHarness(prefix: string, opts: Partial<CreateApiOptions> = {}): Promise<Harness> {
  const db = await createTestDatabase({ prefix });
  await migrateApi(db.url);
  const pool = new pg.Pool({ connectionString: db.url, max: 5 });
  // the API checks a client out of the pool for every statement (pg's public 'acquire' event)
  let count = 0;
  pool.on('acquire', () => {
    count += 1;
  });
  const api = createApi({ pool, logError: () => {}, ...opts });
  return {
    db,
    pool,
    api,
    statements: () => count,
    async gql(query, variables) {
      const r = await api.fetch('http://api/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query, variables }),
      });
      return r.json();
    },
    async close() {
      await pool.end();
      await db.drop();
    },
  };
}
