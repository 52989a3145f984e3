import { devnetAuditor, isLocalDevnet, privateKeyOf } from '@ae/contracts/devnet';
import { createLogger, UserError } from '@ae/core';
import pg from 'pg';
import type { Hex } from 'viem';
import { loadConfig, device as parseDevice, type ReplayConfig } from '../config.js';
import { ChallengeClock } from '../dispute/challengeClock.js';
import { DisputeBudget } from '../dispute/disputeBudget.js';
import { Disputer } from '../dispute/disputer.js';
import { bindReplay } from '../verify/bindReplay.js';
import { openQueue } from './replayQueue.js';
import { ReplayWorker } from './replayWorker.js';
import { waitForIndex } from './waitForIndex.js';

export const WORKER_USAGE =
  'usage: attribution-replay worker [--device cuda|cpu|auto] [--concurrency N] [--no-feed]';

/**
 * Starts a replay worker service and runs until SIGINT/SIGTERM: the queue in the indexed database, the
 * feeder, the fetch loops, and a disputer when a dispute key is configured (REPLAY_DISPUTE_KEY, or the devnet's
 * named auditor with REPLAY_DISPUTE_AS=devnet-auditor).
 */
export async function startWorker(
  cfg: ReplayConfig,
  opts: { feed?: boolean; log?: (l: string) => void; warn?: (l: string) => void } = {},
) {
  const logger = createLogger({ service: 'replay' });
  const log = opts.log ?? ((l: string) => logger.info(l));
  const warn = opts.warn ?? ((l: string) => logger.warn(l));
  const pool = new pg.Pool({ connectionString: cfg.databaseUrl, max: cfg.concurrency + 4 });
  await waitForIndex(pool, log);
  const boss = await openQueue(cfg);
  const deps = await bindReplay(cfg, { log });
  const key = await disputeKey(cfg, warn);
  let disputer: Disputer | undefined;
  if (key) {
    if (!cfg.attributionRegistry)
      throw new UserError(
        'a dispute key is set but no AttributionRegistry address is known (DEPLOYMENT_FILE or CONTRACT_ATTRIBUTION_REGISTRY)',
      );
    disputer = new Disputer(cfg.rpcUrl, cfg.attributionRegistry, key, {
      bondWei: cfg.disputeBondWei,
      maxBondWei: cfg.disputeMaxBondWei,
      budgetWei: cfg.disputeBudgetWei,
      periodS: cfg.disputePeriodS,
      budget: new DisputeBudget(pool),
    });
    log(
      `replay: disputes on, as ${disputer.address} via ${cfg.rpcUrl} (bond ceiling ${cfg.disputeMaxBondWei ?? 'none'} wei, budget ${cfg.disputeBudgetWei ?? 'unlimited'} wei per ${cfg.disputePeriodS} s of chain time)`,
    );
  } else
    warn(
      'replay: WARNING disputes are OFF: a MISMATCH or UNVERIFIABLE posting is reported, not disputed, and will be paid (set REPLAY_DISPUTE_KEY with REPLAY_DISPUTE_MAX_BOND_WEI and REPLAY_DISPUTE_BUDGET_WEI)',
    );
  const clock = cfg.attributionRegistry ? new ChallengeClock(cfg.rpcUrl, cfg.attributionRegistry) : undefined;
  const worker = new ReplayWorker(
    cfg,
    pool,
    boss,
    { ...deps, db: pool, disputer, log, warn, clock },
    { feed: opts.feed },
  );
  await worker.start();
  log(
    `replay: worker started (queue ${cfg.queueSchema}.${cfg.queueName}, device ${deps.runner.device}, batch ${cfg.batchSize}, concurrency ${cfg.concurrency})`,
  );
  return {
    worker,
    async stop() {
      await worker.stop();
      await boss.stop({ graceful: false, wait: true });
      await pool.end();
    },
  };
}

/**
 * The key disputes are sent with: REPLAY_DISPUTE_KEY, or with REPLAY_DISPUTE_AS=devnet-auditor the devnet's
 * named auditor, only if the chain answers as a local anvil devnet (on any other chain: none, said loudly).
 */
async function disputeKey(cfg: ReplayConfig, warn: (l: string) => void): Promise<Hex | undefined> {
  if (cfg.disputeKey) return cfg.disputeKey;
  if (cfg.disputeAs !== 'devnet-auditor') return undefined;
  if (await isLocalDevnet(cfg.rpcUrl)) return privateKeyOf(devnetAuditor('replay'));
  warn(
    `replay: WARNING REPLAY_DISPUTE_AS=devnet-auditor is ignored: ${cfg.rpcUrl} is not a local anvil devnet, and its named keys are public`,
  );
  return undefined;
}

/** `attribution-replay worker`: parses flags over the env config and runs until a signal. */
export async function workerCommand(
  argv: readonly string[],
  env: NodeJS.ProcessEnv = process.env,
): Promise<number> {
  const cfg = loadConfig(env);
  let feed = true;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--device') cfg.device = parseDevice(argv[++i] ?? '');
    else if (a === '--concurrency') cfg.concurrency = Math.max(1, Number.parseInt(argv[++i] ?? '1', 10) || 1);
    else if (a === '--no-feed') feed = false;
    else {
      console.error(`unknown argument ${a}\n${WORKER_USAGE}`);
      return 64;
    }
  }
  const running = await startWorker(cfg, { feed });
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  await running.stop();
  return 0;
}
