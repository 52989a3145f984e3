import {
  contractEnvName,
  type Deployment,
  defineEnv,
  deploymentVars,
  type Env,
  loadDeployment,
  v,
} from '@ae/core';

export interface ApiLimits {
  defaultPageSize: number;
  maxPageSize: number;
  maxOffset: number;
  maxInList: number;
  maxWhereNodes: number;
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
  limits: ApiLimits;
}

export const DEFAULT_LIMITS: ApiLimits = {
  defaultPageSize: 100,
  maxPageSize: 1000,
  maxOffset: 1_000_000,
  maxInList: 1000,
  maxWhereNodes: 200,
  statementTimeoutMs: 5000,
  maxDepth: 12,
  maxAliases: 20,
  maxTokens: 4000,
  maxCost: 50_000,
  lineageDefaultNodes: 500,
  lineageMaxNodes: 5000,
  lineageMaxDepth: 8,
  flagMaxDeadlineS: 86_400,
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
  API_DEFAULT_PAGE_SIZE: v.int('rows when a list gives no limit', d.defaultPageSize, { min: 1 }),
  API_MAX_PAGE_SIZE: v.int('largest limit of a list', d.maxPageSize, { min: 1 }),
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
    limits: {
      defaultPageSize: e.API_DEFAULT_PAGE_SIZE,
      maxPageSize: e.API_MAX_PAGE_SIZE,
      maxOffset: e.API_MAX_OFFSET,
      maxInList: d.maxInList,
      maxWhereNodes: d.maxWhereNodes,
      statementTimeoutMs: e.API_STATEMENT_TIMEOUT_MS,
      maxDepth: e.API_MAX_DEPTH,
      maxAliases: e.API_MAX_ALIASES,
      maxTokens: e.API_MAX_TOKENS,
      maxCost: e.API_MAX_COST,
      lineageDefaultNodes: e.LINEAGE_DEFAULT_NODES,
      lineageMaxNodes: e.LINEAGE_MAX_NODES,
      lineageMaxDepth: e.LINEAGE_MAX_DEPTH,
      flagMaxDeadlineS: e.FLAG_MAX_DEADLINE_S,
    },
  };
}
