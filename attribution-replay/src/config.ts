import { join } from 'node:path';
import {
  contractEnvName,
  defineEnv,
  deploymentVars,
  type Env,
  loadDeployment,
  resolveDataDir,
  UserError,
  v,
} from '@ae/core';
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
  /**
   * `devnet-auditor`: dispute as the devnet's named auditor (its key derived from the devnet mnemonic),
   * only when the chain answers as a local anvil devnet; on any other chain the worker says so and verifies
   * only. What `npm start` and compose's devnet profile set.
   */
  disputeAs?: 'devnet-auditor';
  /** Bond sent with a dispute, wei; undefined = the registry's minBond. */
  disputeBondWei?: bigint;
  /** Never send a bond above this (a governance change of minBond then stops disputes, loudly); undefined = no ceiling. */
  disputeMaxBondWei?: bigint;
  /** Bonds this worker's key may put up per period of chain time; undefined = no budget limit. */
  disputeBudgetWei?: bigint;
  /** The budget's period, chain seconds. */
  disputePeriodS: number;
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

/** Every variable the replay worker reads: parsed here and listed by `npm start -- --help`. */
export const replayEnv = defineEnv('replay worker', {
  DATABASE_URL: v.url('the index, the queue and the verdicts', 'postgres://postgres@127.0.0.1:5432/postgres'),
  ...deploymentVars,
  ARTIFACTS_DIR: v.path('content-addressed artifact store', '$DATA_DIR/artifacts'),
  RPC_URL: v.optionalUrl('chain for disputes', "the deployment's rpcUrl, else http://127.0.0.1:$RPC_PORT"),
  RPC_PORT: v.port('port of a local devnet when no RPC_URL is known', 8545),
  REPLAY_DISPUTE_KEY: v.hex(
    'private key: when set, a MISMATCH or UNVERIFIABLE posting inside its window is disputed on chain (needs REPLAY_DISPUTE_MAX_BOND_WEI and REPLAY_DISPUTE_BUDGET_WEI)',
    32,
  ),
  REPLAY_DISPUTE_AS: v.optionalString(
    "devnet-auditor: dispute as the devnet's named auditor (key from the devnet mnemonic), on a local anvil devnet only",
  ),
  REPLAY_DISPUTE_BOND_WEI: v.wei("bond of a dispute (default: the registry's minBond)"),
  REPLAY_DISPUTE_MAX_BOND_WEI: v.wei('highest bond a dispute may send (devnet-auditor: 10 OPEN)'),
  REPLAY_DISPUTE_BUDGET_WEI: v.wei('bonds the key may put up per period (devnet-auditor: 1,000 OPEN)'),
  REPLAY_DISPUTE_PERIOD_S: v.int('period of the dispute budget, seconds of chain time', 86_400, { min: 1 }),
  REPLAY_DEVICE: v.oneOf('cpu (canonical), cuda or auto', ['cpu', 'cuda', 'auto'] as const, 'cpu'),
  REPLAY_TOLERANCE_PPM: v.int('weight tolerance of a VERIFIED verdict', 100),
  REPLAY_BATCH_SIZE: v.int('jobs per fetch', 64, { min: 1 }),
  REPLAY_CONCURRENCY: v.int('batches processed at once', 1, { min: 1 }),
  REPLAY_MODEL_CACHE: v.int('models kept prepared between batches', 4),
  REPLAY_FEED_INTERVAL_MS: v.int('feeder polling', 1_000, { min: 1 }),
  PROGRESS_INTERVAL_S: v.int('seconds between progress lines (0: none)', 5),
  REPLAY_QUEUE_SCHEMA: v.string('Postgres schema of the pg-boss queue', 'pgboss'),
  REPLAY_QUEUE: v.string('queue name', 'attribution-replay'),
  REPLAY_JOB_EXPIRE_S: v.int('seconds before a stalled job goes to another worker', 900, { min: 1 }),
  REPLAY_RETRY_LIMIT: v.int('retries of a failed job', 5),
});

/**
 * The replay service's one configuration module: every variable it reads is in `replayEnv`. The deployment
 * file gives the registry address and RPC of a devnet; env vars override it.
 */
export function loadConfig(env: Env = process.env): ReplayConfig {
  const e = replayEnv.parse(env);
  const deployment = loadDeployment(env);
  const disputeAs = e.REPLAY_DISPUTE_AS?.trim() || undefined;
  if (disputeAs !== undefined && disputeAs !== 'devnet-auditor')
    throw new UserError(`REPLAY_DISPUTE_AS must be devnet-auditor or unset, got "${disputeAs.slice(0, 40)}"`);
  if (e.REPLAY_DISPUTE_KEY && disputeAs)
    throw new UserError('set REPLAY_DISPUTE_KEY or REPLAY_DISPUTE_AS, not both (which key should dispute?)');
  if (
    e.REPLAY_DISPUTE_KEY &&
    (e.REPLAY_DISPUTE_MAX_BOND_WEI === undefined || e.REPLAY_DISPUTE_BUDGET_WEI === undefined)
  )
    throw new UserError(
      'REPLAY_DISPUTE_KEY is set: also set REPLAY_DISPUTE_MAX_BOND_WEI (the highest bond it may send) and REPLAY_DISPUTE_BUDGET_WEI (bonds per REPLAY_DISPUTE_PERIOD_S of chain time)',
    );
  const OPEN = 10n ** 18n;
  return {
    databaseUrl: e.DATABASE_URL,
    artifactsDir: e.ARTIFACTS_DIR ?? join(resolveDataDir(env), 'artifacts'),
    rpcUrl: e.RPC_URL ?? deployment?.rpcUrl ?? `http://127.0.0.1:${e.RPC_PORT}`,
    attributionRegistry: (env[contractEnvName('AttributionRegistry')]?.toLowerCase() ??
      deployment?.contracts.AttributionRegistry) as Address | undefined,
    disputeKey: e.REPLAY_DISPUTE_KEY as Hex | undefined,
    disputeAs,
    disputeBondWei: e.REPLAY_DISPUTE_BOND_WEI,
    // the devnet auditor's defaults: a ceiling of 10 OPEN a bond and 1,000 OPEN a period
    disputeMaxBondWei: e.REPLAY_DISPUTE_MAX_BOND_WEI ?? (disputeAs ? 10n * OPEN : undefined),
    disputeBudgetWei: e.REPLAY_DISPUTE_BUDGET_WEI ?? (disputeAs ? 1_000n * OPEN : undefined),
    disputePeriodS: e.REPLAY_DISPUTE_PERIOD_S,
    device: e.REPLAY_DEVICE,
    tolerancePpm: e.REPLAY_TOLERANCE_PPM,
    batchSize: e.REPLAY_BATCH_SIZE,
    concurrency: e.REPLAY_CONCURRENCY,
    modelCache: e.REPLAY_MODEL_CACHE,
    feedIntervalMs: e.REPLAY_FEED_INTERVAL_MS,
    progressIntervalS: e.PROGRESS_INTERVAL_S,
    queueSchema: e.REPLAY_QUEUE_SCHEMA,
    queueName: e.REPLAY_QUEUE,
    jobExpireSeconds: e.REPLAY_JOB_EXPIRE_S,
    retryLimit: e.REPLAY_RETRY_LIMIT,
  };
}

/** Parses a --device / REPLAY_DEVICE value. */
export function device(value: string): DeviceChoice {
  if (value === 'cpu' || value === 'cuda' || value === 'auto') return value;
  throw new UserError(`unknown device "${value}" (use cpu, cuda or auto)`);
}
