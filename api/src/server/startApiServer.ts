import { createServer, type Server } from 'node:http';
import { migrateReplay } from '@ae/attribution-replay/migrations';
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

/** A pool whose connections start with the API's session settings (pg's documented startup options). */
function apiPool(url: string, max: number, statementTimeoutMs: number): pg.Pool {
  return new pg.Pool({
    connectionString: url,
    max,
    statement_timeout: Math.max(1, Math.floor(statementTimeoutMs)),
    options: '-c jit=off -c plan_cache_mode=force_generic_plan',
  });
}

/**
 * Starts the HTTP server (GraphiQL and the endpoint at /graphql). Owns its pool unless one is passed, and the
 * heavy worker threads with their own connections (admission control). The API's own migrations, and the
 * replay worker's (whose verdicts it serves, so that an API without a worker still answers), are applied
 * first (on config.databaseUrl), so the first flag never races a CREATE TABLE.
 */
export async function startApiServer(
  opts: { config?: ApiConfig; pool?: pg.Pool; port?: number } = {},
): Promise<RunningApi> {
  const config = opts.config ?? loadApiConfig();
  await migrateReplay(config.databaseUrl);
  await migrateApi(config.databaseUrl);
  const timeout = config.limits.statementTimeoutMs;
  const pool = opts.pool ?? apiPool(config.databaseUrl, config.poolSize, timeout);
  const api = createApi({
    pool,
    heavyWorkers: {
      databaseUrl: config.databaseUrl,
      poolSize: config.heavyPoolSize,
      services: {
        rpcUrl: config.rpcUrl,
        artifactsDir: config.artifactsDir,
        chainId: config.chainId,
        attributionRegistry: config.attributionRegistry,
      },
    },
    limits: config.limits,
    introspection: config.introspection,
    graphiql: config.graphiql,
    corsOrigin: config.corsOrigin,
    services: {
      rpcUrl: config.rpcUrl,
      artifactsDir: config.artifactsDir,
      deployment: config.deployment,
      chainId: config.chainId,
      attributionRegistry: config.attributionRegistry,
    },
  });
  await api.ready();
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
      await api.close();
      if (!opts.pool) await pool.end();
    },
  };
}
