import { createServer, type Server } from 'node:http';
import pg from 'pg';
import { migrateApi } from '../audit/apiSchema.js';
import { type ApiConfig, loadApiConfig } from '../config.js';
import { type ApiInstance, createApi } from './createApi.js';

export interface RunningApi {
  url: string;
  port: number;
  server: Server;
  api: ApiInstance;
  pool: pg.Pool;
  close(): Promise<void>;
}

/**
 * Starts the HTTP server (GraphiQL and the endpoint at /graphql). Owns its pool unless one is passed. The
 * API's own migrations are applied first (on config.databaseUrl), so the first flag never races a CREATE TABLE.
 */
export async function startApiServer(
  opts: { config?: ApiConfig; pool?: pg.Pool; port?: number } = {},
): Promise<RunningApi> {
  const config = opts.config ?? loadApiConfig();
  await migrateApi(config.databaseUrl);
  const pool = opts.pool ?? new pg.Pool({ connectionString: config.databaseUrl, max: config.poolSize });
  const api = createApi({
    pool,
    limits: config.limits,
    introspection: config.introspection,
    graphiql: config.graphiql,
    corsOrigin: config.corsOrigin,
    services: {
      rpcUrl: config.rpcUrl,
      deployment: config.deployment,
      chainId: config.chainId,
      attributionRegistry: config.attributionRegistry,
    },
  });
  const server = createServer(api);
  const port = opts.port ?? config.port;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, config.host, () => resolve());
  });
  const actual = (server.address() as { port: number }).port;
  const host = config.host === '0.0.0.0' ? 'localhost' : config.host;
  return {
    url: `http://${host}:${actual}/graphql`,
    port: actual,
    server,
    api,
    pool,
    async close() {
      await new Promise<void>((r) => server.close(() => r()));
      server.closeAllConnections?.();
      if (!opts.pool) await pool.end();
    },
  };
}
