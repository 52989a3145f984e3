import { resolve } from 'node:path';
import { resolveDataDir, resolvePath, UserError } from '@ae/contracts';

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
  deploymentFile: string;
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

function int(env: NodeJS.ProcessEnv, name: string, def: number): number {
  const v = env[name];
  if (v === undefined || v === '') return def;
  if (!/^\d+$/.test(v))
    throw new UserError(`${name} must be a non-negative integer, got ${JSON.stringify(v)}`);
  return Number(v);
}

function bool(env: NodeJS.ProcessEnv, name: string, def: boolean): boolean {
  const v = env[name];
  if (v === undefined || v === '') return def;
  if (/^(1|true|yes|on)$/i.test(v)) return true;
  if (/^(0|false|no|off)$/i.test(v)) return false;
  throw new UserError(`${name} must be true or false, got ${JSON.stringify(v)}`);
}

/** The API's one configuration module: every variable it reads is listed here (and in the README). */
export function loadApiConfig(env: NodeJS.ProcessEnv = process.env): ApiConfig {
  const dataDir = resolveDataDir(env);
  const d = DEFAULT_LIMITS;
  return {
    port: int(env, 'API_PORT', 4350),
    host: env.API_HOST ?? '0.0.0.0',
    databaseUrl: env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres',
    poolSize: int(env, 'API_DB_POOL_SIZE', 10),
    rpcUrl: env.RPC_URL || undefined,
    deploymentFile: resolvePath(env.DEPLOYMENT_FILE, resolve(dataDir, 'deployment.json'), env),
    chainId: env.CHAIN_ID ? int(env, 'CHAIN_ID', 0) : undefined,
    attributionRegistry: env.CONTRACT_ATTRIBUTION_REGISTRY || undefined,
    introspection: bool(env, 'API_INTROSPECTION', true),
    graphiql: bool(env, 'API_GRAPHIQL', true),
    corsOrigin: env.API_CORS_ORIGIN ?? '*',
    limits: {
      defaultPageSize: int(env, 'API_DEFAULT_PAGE_SIZE', d.defaultPageSize),
      maxPageSize: int(env, 'API_MAX_PAGE_SIZE', d.maxPageSize),
      maxOffset: int(env, 'API_MAX_OFFSET', d.maxOffset),
      maxInList: d.maxInList,
      maxWhereNodes: d.maxWhereNodes,
      statementTimeoutMs: int(env, 'API_STATEMENT_TIMEOUT_MS', d.statementTimeoutMs),
      maxDepth: int(env, 'API_MAX_DEPTH', d.maxDepth),
      maxAliases: int(env, 'API_MAX_ALIASES', d.maxAliases),
      maxTokens: int(env, 'API_MAX_TOKENS', d.maxTokens),
      maxCost: int(env, 'API_MAX_COST', d.maxCost),
      lineageDefaultNodes: int(env, 'LINEAGE_DEFAULT_NODES', d.lineageDefaultNodes),
      lineageMaxNodes: int(env, 'LINEAGE_MAX_NODES', d.lineageMaxNodes),
      lineageMaxDepth: int(env, 'LINEAGE_MAX_DEPTH', d.lineageMaxDepth),
      flagMaxDeadlineS: int(env, 'FLAG_MAX_DEADLINE_S', d.flagMaxDeadlineS),
    },
  };
}
