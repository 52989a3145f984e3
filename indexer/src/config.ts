import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CONTRACT_NAMES, type ContractName, resolveDataDir, resolvePath, UserError } from '@ae/contracts';
import type { ForeignKeyChecks } from './db/foreignKeyChecks.js';

export interface Deployment {
  chainId: number;
  rpcUrl?: string;
  startBlock: number;
  contracts: Record<ContractName, string>;
}

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
  /** Postgres schema for the processor's status and hot-block change log. */
  stateSchema: string;
  /** Stop after indexing this height (tests, benchmarks); undefined follows the head forever. */
  stopAtHeight?: number;
  /** batched (default) or row-per-event: the benchmark's baseline, same handlers writing after every event. */
  handlerMode: 'batched' | 'row-per-event';
  /** Foreign-key triggers during batch writes: auto (skipped when the role may), on, off. */
  fkChecks: ForeignKeyChecks;
}

const DEFAULT_DB = 'postgres://postgres@127.0.0.1:5432/postgres';

/** DATABASE_URL alone, for tools that need no chain (migrations). */
export function loadDatabaseUrl(env: NodeJS.ProcessEnv = process.env): string {
  return env.DATABASE_URL ?? DEFAULT_DB;
}

/**
 * The indexer's one configuration module. Addresses and the start block come from the deployment file
 * (DEPLOYMENT_FILE, default $DATA_DIR/deployment.json) unless CONTRACT_<NAME> / START_BLOCK / CHAIN_ID
 * override them, so that the same build indexes a devnet or any other deployment.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): IndexerConfig {
  const deploymentFile = resolvePath(env.DEPLOYMENT_FILE, join(resolveDataDir(env), 'deployment.json'), env);
  const deployment = readDeployment(deploymentFile, env);
  const rpcUrl = env.RPC_URL ?? deployment.rpcUrl ?? `http://127.0.0.1:${env.RPC_PORT ?? '8545'}`;
  return {
    databaseUrl: loadDatabaseUrl(env),
    rpcUrl,
    deployment,
    finalityConfirmations: int(env, 'FINALITY_CONFIRMATIONS', 10),
    rpcRateLimit: env.RPC_RATE_LIMIT ? int(env, 'RPC_RATE_LIMIT', 0) : undefined,
    rpcMaxBatchCallSize: int(env, 'RPC_MAX_BATCH_CALL_SIZE', 100),
    rpcRequestTimeoutMs: int(env, 'RPC_REQUEST_TIMEOUT_MS', 15_000),
    headPollIntervalMs: int(env, 'HEAD_POLL_INTERVAL_MS', 1_000),
    progressIntervalS: int(env, 'PROGRESS_INTERVAL_S', 5),
    stateSchema: env.INDEXER_STATE_SCHEMA ?? 'squid_processor',
    stopAtHeight: env.INDEXER_STOP_AT ? int(env, 'INDEXER_STOP_AT', 0) : undefined,
    handlerMode: handlerMode(env.INDEXER_MODE),
    fkChecks: fkChecks(env.FK_CHECKS),
  };
}

function readDeployment(file: string, env: NodeJS.ProcessEnv): Deployment {
  let fromFile: Partial<Deployment> = {};
  try {
    fromFile = JSON.parse(readFileSync(file, 'utf8')) as Partial<Deployment>;
  } catch (e) {
    const missing = (e as NodeJS.ErrnoException).code === 'ENOENT';
    if (!missing) throw new UserError(`cannot read deployment file ${file}`, { cause: e });
    if (!CONTRACT_NAMES.every((n) => env[`CONTRACT_${snake(n)}`])) {
      throw new UserError(`deployment file ${file} not found`, {
        details:
          'start the devnet (npm run devnet) or set DEPLOYMENT_FILE, or CONTRACT_<NAME> for every contract',
      });
    }
  }
  const contracts = {} as Record<ContractName, string>;
  for (const n of CONTRACT_NAMES) {
    const a = env[`CONTRACT_${snake(n)}`] ?? fromFile.contracts?.[n];
    if (!a || !/^0x[0-9a-fA-F]{40}$/.test(a)) {
      throw new UserError(`no valid address for contract ${n}`, { details: `deployment file ${file}` });
    }
    contracts[n] = a.toLowerCase();
  }
  const chainId = env.CHAIN_ID ? int(env, 'CHAIN_ID', 0) : fromFile.chainId;
  const startBlock = env.START_BLOCK ? int(env, 'START_BLOCK', 0) : (fromFile.startBlock ?? 0);
  if (!chainId) throw new UserError('chain id unknown', { details: `set CHAIN_ID or chainId in ${file}` });
  return { chainId, rpcUrl: fromFile.rpcUrl, startBlock, contracts };
}

function handlerMode(v: string | undefined): IndexerConfig['handlerMode'] {
  if (v === undefined || v === '' || v === 'batched') return 'batched';
  if (v === 'row-per-event') return v;
  throw new UserError(`INDEXER_MODE must be batched or row-per-event, got "${v}"`);
}

function fkChecks(v: string | undefined): ForeignKeyChecks {
  if (v === undefined || v === '') return 'auto';
  if (v === 'auto' || v === 'on' || v === 'off') return v;
  throw new UserError(`FK_CHECKS must be auto, on or off, got "${v}"`);
}

/** Staking -> STAKING, RewardDistributor -> REWARD_DISTRIBUTOR. */
function snake(name: string): string {
  return name.replace(/([a-z])([A-Z])/g, '$1_$2').toUpperCase();
}

function int(env: NodeJS.ProcessEnv, key: string, dflt: number): number {
  const v = env[key];
  if (v === undefined || v === '') return dflt;
  const n = Number(v);
  if (!Number.isSafeInteger(n) || n < 0)
    throw new UserError(`${key} must be a non-negative integer, got "${v}"`);
  return n;
}
