import { type Deployment, defineEnv, deploymentVars, type Env, requireDeployment, v } from '@ae/core';
import type { ForeignKeyChecks } from './db/foreignKeyChecks.js';

export type { Deployment } from '@ae/core';

export interface IndexerConfig {
  databaseUrl: string;
  rpcUrl: string;
  deployment: Deployment;
  /** Blocks behind the head that are final: deeper reorgs stop the indexer. */
  finalityConfirmations: number;
  /** Requests per second the processor may send to the RPC (undefined: unlimited). */
  rpcRateLimit?: number;
  rpcMaxBatchCallSize: number;
  rpcRequestTimeoutMs: number;
  /** Poll interval for the chain head while following it. */
  headPollIntervalMs: number;
  /** Seconds between progress lines. */
  progressIntervalS: number;
  /** Stop after indexing this height (tests, benchmarks); undefined follows the head forever. */
  stopAtHeight?: number;
  /** batched (default) or row-per-event: the benchmark's baseline, same handlers writing after every event. */
  handlerMode: 'batched' | 'row-per-event';
  /** Foreign-key triggers during batch writes: auto (skipped when the role may), on, off. */
  fkChecks: ForeignKeyChecks;
  /** Check every block's logs against its receipts (docs/rpc-trust.md). */
  checkLogs: boolean;
  /** Backfill an empty index without its secondary indexes and build them at the head (deferredIndexes.ts). */
  deferIndexes: boolean;
}

const DEFAULT_DB = 'postgres://postgres@127.0.0.1:5432/postgres';

/** Every variable the indexer reads: parsed here and listed by `npm start -- --help`. */
export const indexerEnv = defineEnv('indexer', {
  DATABASE_URL: v.url('Postgres of the index', DEFAULT_DB),
  RPC_URL: v.optionalUrl('any EVM JSON-RPC', "the deployment's rpcUrl, else http://127.0.0.1:$RPC_PORT"),
  RPC_PORT: v.port('port of a local devnet when no RPC_URL is known', 8545),
  ...deploymentVars,
  FINALITY_CONFIRMATIONS: v.int(
    'blocks below the head treated as final; a deeper reorg stops the indexer',
    10,
  ),
  RPC_RATE_LIMIT: v.optionalInt('requests per second to the RPC', { min: 1 }),
  RPC_MAX_BATCH_CALL_SIZE: v.int('JSON-RPC batch size', 100, { min: 1 }),
  RPC_REQUEST_TIMEOUT_MS: v.int('per RPC attempt (a hung answer is retried after this)', 15_000, { min: 1 }),
  RPC_CHECK_LOGS: v.oneOf(
    "compare each block's logs with its receipts (one eth_getBlockReceipts per block with logs)",
    ['on', 'off'] as const,
    'on',
  ),
  HEAD_POLL_INTERVAL_MS: v.int('how often the chain head is polled', 1_000, { min: 1 }),
  PROGRESS_INTERVAL_S: v.int('seconds between progress lines (0: none)', 5),
  INDEXER_STOP_AT: v.optionalInt('stop at this height (benchmarks, tests)'),
  INDEXER_MODE: v.oneOf(
    'row-per-event is the benchmark baseline',
    ['batched', 'row-per-event'] as const,
    'batched',
  ),
  FK_CHECKS: v.oneOf(
    'foreign-key triggers while a batch is written: auto skips them when the role may',
    ['auto', 'on', 'off'] as const,
    'auto',
  ),
  INDEX_DEFERRAL: v.oneOf(
    'auto: an empty index is backfilled without its secondary indexes, built once at the head',
    ['auto', 'off'] as const,
    'auto',
  ),
});

/** DATABASE_URL alone, for tools that need no chain (migrations). */
export function loadDatabaseUrl(env: Env = process.env): string {
  return indexerEnv.vars.DATABASE_URL.parse(env.DATABASE_URL, env);
}

/**
 * The indexer's one configuration module. Addresses and the start block come from the deployment file
 * (DEPLOYMENT_FILE, default $DATA_DIR/deployment.json) unless CONTRACT_<NAME> / START_BLOCK / CHAIN_ID
 * override them, so that the same build indexes a devnet or any other deployment.
 */
export function loadConfig(env: Env = process.env): IndexerConfig {
  const e = indexerEnv.parse(env);
  const deployment = requireDeployment(env);
  return {
    databaseUrl: e.DATABASE_URL,
    rpcUrl: e.RPC_URL ?? deployment.rpcUrl ?? `http://127.0.0.1:${e.RPC_PORT}`,
    deployment,
    finalityConfirmations: e.FINALITY_CONFIRMATIONS,
    rpcRateLimit: e.RPC_RATE_LIMIT,
    rpcMaxBatchCallSize: e.RPC_MAX_BATCH_CALL_SIZE,
    rpcRequestTimeoutMs: e.RPC_REQUEST_TIMEOUT_MS,
    headPollIntervalMs: e.HEAD_POLL_INTERVAL_MS,
    progressIntervalS: e.PROGRESS_INTERVAL_S,
    stopAtHeight: e.INDEXER_STOP_AT,
    handlerMode: e.INDEXER_MODE,
    fkChecks: e.FK_CHECKS,
    checkLogs: e.RPC_CHECK_LOGS === 'on',
    deferIndexes: e.INDEX_DEFERRAL === 'auto',
  };
}
