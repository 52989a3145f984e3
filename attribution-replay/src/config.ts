import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { resolveDataDir, resolvePath, UserError } from '@ae/contracts';
import type { Address, Hex } from 'viem';

export type DeviceChoice = 'cpu' | 'cuda' | 'auto';

export interface ReplayConfig {
  databaseUrl: string;
  artifactsDir: string;
  /** Chain RPC, needed only to dispute (and to read the challenge window). */
  rpcUrl: string;
  /** AttributionRegistry address (from the deployment file or CONTRACT_ATTRIBUTION_REGISTRY). */
  attributionRegistry?: Address;
  /** Private key that opens disputes; unset = verify only, never touch the chain. */
  disputeKey?: Hex;
  /** Bond sent with a dispute, wei; undefined = the registry's minBond. */
  disputeBondWei?: bigint;
  device: DeviceChoice;
  /** Weight tolerance of a VERIFIED verdict, ppm. */
  tolerancePpm: number;
  /** Jobs fetched per batch (grouped by model inside the batch). */
  batchSize: number;
  /** Models whose prepared training sets (features, embeddings) a worker keeps between batches. */
  modelCache: number;
  /** Batches processed at once by one worker process. */
  concurrency: number;
  /** How often the feeder looks for new AttributionPosted rows. */
  feedIntervalMs: number;
  /** Seconds between progress lines. */
  progressIntervalS: number;
  /** Postgres schema of the pg-boss queue. */
  queueSchema: string;
  queueName: string;
  /** Seconds before an active job that made no progress is handed to another worker. */
  jobExpireSeconds: number;
  retryLimit: number;
}

const DEFAULT_DB = 'postgres://postgres@127.0.0.1:5432/postgres';

/**
 * The replay service's one configuration module: every variable it reads is here, so the README table can
 * list them. The deployment file gives the registry address and RPC of a devnet; env vars override it.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): ReplayConfig {
  const dataDir = resolveDataDir(env);
  const deployment = readDeployment(
    resolvePath(env.DEPLOYMENT_FILE, resolve(dataDir, 'deployment.json'), env),
  );
  const key = env.REPLAY_DISPUTE_KEY?.trim();
  if (key && !/^0x[0-9a-fA-F]{64}$/.test(key))
    throw new UserError('REPLAY_DISPUTE_KEY must be a 0x-prefixed 32-byte hex private key');
  const registry = env.CONTRACT_ATTRIBUTION_REGISTRY ?? deployment?.contracts?.AttributionRegistry;
  if (registry !== undefined && !/^0x[0-9a-fA-F]{40}$/.test(registry))
    throw new UserError('the AttributionRegistry address is not an address');
  return {
    databaseUrl: env.DATABASE_URL ?? DEFAULT_DB,
    artifactsDir: resolvePath(env.ARTIFACTS_DIR, resolve(dataDir, 'artifacts'), env),
    rpcUrl: env.RPC_URL ?? deployment?.rpcUrl ?? `http://127.0.0.1:${env.RPC_PORT ?? '8545'}`,
    attributionRegistry: registry as Address | undefined,
    disputeKey: key ? (key as Hex) : undefined,
    disputeBondWei: env.REPLAY_DISPUTE_BOND_WEI
      ? bigint(env.REPLAY_DISPUTE_BOND_WEI, 'REPLAY_DISPUTE_BOND_WEI')
      : undefined,
    device: device(env.REPLAY_DEVICE ?? 'cpu'),
    tolerancePpm: int(env, 'REPLAY_TOLERANCE_PPM', 100),
    batchSize: int(env, 'REPLAY_BATCH_SIZE', 64),
    concurrency: int(env, 'REPLAY_CONCURRENCY', 1),
    modelCache: int(env, 'REPLAY_MODEL_CACHE', 4),
    feedIntervalMs: int(env, 'REPLAY_FEED_INTERVAL_MS', 1_000),
    progressIntervalS: int(env, 'PROGRESS_INTERVAL_S', 5),
    queueSchema: env.REPLAY_QUEUE_SCHEMA ?? 'pgboss',
    queueName: env.REPLAY_QUEUE ?? 'attribution-replay',
    jobExpireSeconds: int(env, 'REPLAY_JOB_EXPIRE_S', 900),
    retryLimit: int(env, 'REPLAY_RETRY_LIMIT', 5),
  };
}

/** Parses a --device / REPLAY_DEVICE value. */
export function device(value: string): DeviceChoice {
  if (value === 'cpu' || value === 'cuda' || value === 'auto') return value;
  throw new UserError(`unknown device "${value}" (use cpu, cuda or auto)`);
}

function readDeployment(path: string): { rpcUrl?: string; contracts?: Record<string, string> } | undefined {
  if (!existsSync(path)) return undefined;
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch (cause) {
    throw new UserError(`the deployment file ${path} is not JSON`, { cause });
  }
}

function int(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isSafeInteger(n) || n < 0)
    throw new UserError(`${name} must be a non-negative integer, got "${raw}"`);
  return n;
}

function bigint(raw: string, name: string): bigint {
  if (!/^[0-9]+$/.test(raw)) throw new UserError(`${name} must be a decimal integer (wei)`);
  return BigInt(raw);
}
