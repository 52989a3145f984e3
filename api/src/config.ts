import { join } from 'node:path';
import { replayEnv } from '@ae/attribution-replay/config';
import {
  contractEnvName,
  type Deployment,
  defineEnv,
  deploymentVars,
  type Env,
  loadDeployment,
  resolveDataDir,
  v,
} from '@ae/core';

export interface ApiLimits {
  defaultPageSize: number;
  maxPageSize: number;
  maxOffset: number;
  maxInList: number;
  maxWhereNodes: number;
  /** Nesting of AND/OR lists and relation filters in one where. */
  maxWhereDepth: number;
  /** Nesting of objects and lists in any argument or variable value, checked before GraphQL coerces it. */
  maxInputDepth: number;
  statementTimeoutMs: number;
  maxDepth: number;
  maxAliases: number;
  maxTokens: number;
  maxCost: number;
  lineageDefaultNodes: number;
  lineageMaxNodes: number;
  lineageMaxDepth: number;
  /** Furthest a flag's deadline may lie in the future. */
  flagMaxDeadlineS: number;
  /** Estimated rows (see estimateCost) from which an operation is heavy and goes through admission control. */
  heavyCost: number;
  /** Heavy operations executing at once. */
  heavyConcurrency: number;
  /** Heavy operations waiting (all clients / one client) before more are refused as busy. */
  heavyMaxQueued: number;
  heavyMaxQueuedPerClient: number;
  /** Longest wait of a heavy operation in line. */
  heavyMaxWaitMs: number;
}

export interface ApiConfig {
  port: number;
  host: string;
  databaseUrl: string;
  poolSize: number;
  rpcUrl?: string;
  /** The deployment as it is on disk now (undefined until the devnet has written one). */
  deployment: () => Deployment | undefined;
  chainId?: number;
  attributionRegistry?: string;
  introspection: boolean;
  graphiql: boolean;
  corsOrigin: string;
  /** Connections for heavy operations (a pool of their own, so cheap queries never wait behind them). */
  heavyPoolSize: number;
  /** The artifact store generated answers and span-match@1 spans are read from (as the replay's). */
  artifactsDir: string;
  limits: ApiLimits;
}

export const DEFAULT_LIMITS: ApiLimits = {
  defaultPageSize: 100,
  maxPageSize: 1000,
  maxOffset: 1_000_000,
  maxInList: 1000,
  maxWhereNodes: 200,
  maxWhereDepth: 16,
  maxInputDepth: 40,
  statementTimeoutMs: 5000,
  maxDepth: 12,
  maxAliases: 20,
  maxTokens: 4000,
  maxCost: 50_000,
  lineageDefaultNodes: 500,
  lineageMaxNodes: 5000,
  lineageMaxDepth: 8,
  flagMaxDeadlineS: 86_400,
  heavyCost: 5000,
  heavyConcurrency: 2,
  heavyMaxQueued: 1000,
  heavyMaxQueuedPerClient: 250,
  heavyMaxWaitMs: 30_000,
};

const d = DEFAULT_LIMITS;

/** Every variable the API reads: parsed here and listed by `npm start -- --help`. */
export const apiEnv = defineEnv('api', {
  API_PORT: v.port('listen port; GraphQL at /graphql', 4350),
  API_HOST: v.string('listen address', '0.0.0.0'),
  DATABASE_URL: v.url('Postgres of the index', 'postgres://postgres@127.0.0.1:5432/postgres'),
  API_DB_POOL_SIZE: v.int('database connections', 10, { min: 1 }),
  RPC_URL: v.optionalUrl('chain RPC: head height and hash for indexerStatus'),
  ...deploymentVars,
  API_INTROSPECTION: v.bool('schema introspection', true),
  API_GRAPHIQL: v.bool('GraphiQL in a browser', true),
  API_CORS_ORIGIN: v.string('CORS origin', '*'),
  API_DEFAULT_PAGE_SIZE: v.int('rows of a connection without first', d.defaultPageSize, { min: 1 }),
  API_MAX_PAGE_SIZE: v.int('largest limit of a list (and most rows of a list without limit)', d.maxPageSize, {
    min: 1,
  }),
  API_MAX_OFFSET: v.int('largest offset of a list', d.maxOffset),
  API_STATEMENT_TIMEOUT_MS: v.int('query timeout', d.statementTimeoutMs, { min: 1 }),
  API_MAX_DEPTH: v.int('query depth limit', d.maxDepth, { min: 1 }),
  API_MAX_ALIASES: v.int('aliases per query', d.maxAliases, { min: 1 }),
  API_MAX_TOKENS: v.int('tokens per query', d.maxTokens, { min: 1 }),
  API_MAX_COST: v.int('cost per query', d.maxCost, { min: 1 }),
  LINEAGE_DEFAULT_NODES: v.int('lineage nodes when none are asked for', d.lineageDefaultNodes, { min: 1 }),
  LINEAGE_MAX_NODES: v.int('most lineage nodes of one answer', d.lineageMaxNodes, { min: 1 }),
  LINEAGE_MAX_DEPTH: v.int('deepest lineage', d.lineageMaxDepth, { min: 1 }),
  FLAG_MAX_DEADLINE_S: v.int("how far ahead a flag's deadline may be", d.flagMaxDeadlineS, { min: 1 }),
  API_MAX_WHERE_NODES: v.int('conditions in one where', d.maxWhereNodes, { min: 1 }),
  API_MAX_WHERE_DEPTH: v.int('nesting of AND/OR and relation filters in one where', d.maxWhereDepth, {
    min: 1,
  }),
  API_MAX_INPUT_DEPTH: v.int('nesting of any argument or variable value', d.maxInputDepth, { min: 2 }),
  API_HEAVY_COST: v.int('estimated rows from which an operation is heavy (admission control)', d.heavyCost, {
    min: 1,
  }),
  API_HEAVY_CONCURRENCY: v.int('heavy operations executing at once', d.heavyConcurrency, { min: 1 }),
  API_HEAVY_MAX_QUEUED: v.int('heavy operations waiting before more are refused', d.heavyMaxQueued),
  API_HEAVY_MAX_QUEUED_PER_CLIENT: v.int(
    'heavy operations one client may have waiting',
    d.heavyMaxQueuedPerClient,
  ),
  API_HEAVY_MAX_WAIT_MS: v.int('longest wait of a heavy operation in line', d.heavyMaxWaitMs, { min: 1 }),
  API_HEAVY_POOL_SIZE: v.int('database connections for heavy operations', 4, { min: 1 }),
  ARTIFACTS_DIR: replayEnv.vars.ARTIFACTS_DIR,
});

/** The API's one configuration module: every variable it reads is in `apiEnv`. */
export function loadApiConfig(env: Env = process.env): ApiConfig {
  const e = apiEnv.parse(env);
  return {
    port: e.API_PORT,
    host: e.API_HOST,
    databaseUrl: e.DATABASE_URL,
    poolSize: e.API_DB_POOL_SIZE,
    rpcUrl: e.RPC_URL,
    deployment: () => loadDeployment(env),
    chainId: e.CHAIN_ID,
    attributionRegistry: env[contractEnvName('AttributionRegistry')] || undefined,
    introspection: e.API_INTROSPECTION,
    graphiql: e.API_GRAPHIQL,
    corsOrigin: e.API_CORS_ORIGIN,
    heavyPoolSize: e.API_HEAVY_POOL_SIZE,
    artifactsDir: e.ARTIFACTS_DIR ?? join(resolveDataDir(env), 'artifacts'),
    limits: {
      defaultPageSize: e.API_DEFAULT_PAGE_SIZE,
      maxPageSize: e.API_MAX_PAGE_SIZE,
      maxOffset: e.API_MAX_OFFSET,
      maxInList: d.maxInList,
      maxWhereNodes: e.API_MAX_WHERE_NODES,
      maxWhereDepth: e.API_MAX_WHERE_DEPTH,
      maxInputDepth: e.API_MAX_INPUT_DEPTH,
      statementTimeoutMs: e.API_STATEMENT_TIMEOUT_MS,
      maxDepth: e.API_MAX_DEPTH,
      maxAliases: e.API_MAX_ALIASES,
      maxTokens: e.API_MAX_TOKENS,
      maxCost: e.API_MAX_COST,
      lineageDefaultNodes: e.LINEAGE_DEFAULT_NODES,
      lineageMaxNodes: e.LINEAGE_MAX_NODES,
      lineageMaxDepth: e.LINEAGE_MAX_DEPTH,
      flagMaxDeadlineS: e.FLAG_MAX_DEADLINE_S,
      heavyCost: e.API_HEAVY_COST,
      heavyConcurrency: e.API_HEAVY_CONCURRENCY,
      heavyMaxQueued: e.API_HEAVY_MAX_QUEUED,
      heavyMaxQueuedPerClient: e.API_HEAVY_MAX_QUEUED_PER_CLIENT,
      heavyMaxWaitMs: e.API_HEAVY_MAX_WAIT_MS,
    },
  };
}
