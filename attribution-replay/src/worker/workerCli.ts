import pg from 'pg';
import { loadConfig, device as parseDevice, type ReplayConfig } from '../config.js';
import { Disputer } from '../dispute/disputer.js';
import { bindReplay } from '../verify/bindReplay.js';
import { openQueue } from './replayQueue.js';
import { ReplayWorker } from './replayWorker.js';
import { waitForIndex } from './waitForIndex.js';

export const WORKER_USAGE =
  'usage: attribution-replay worker [--device cuda|cpu|auto] [--concurrency N] [--no-feed]';

/**
 * Starts a replay worker service and runs until SIGINT/SIGTERM: the queue in the indexed database, the
 * feeder, the fetch loops, and a disputer when REPLAY_DISPUTE_KEY is set.
 */
export async function startWorker(
  cfg: ReplayConfig,
  opts: { feed?: boolean; log?: (l: string) => void } = {},
) {
  const log = opts.log ?? console.log;
  const pool = new pg.Pool({ connectionString: cfg.databaseUrl, max: cfg.concurrency + 3 });
  await waitForIndex(pool, log);
  const boss = await openQueue(cfg);
  const deps = await bindReplay(cfg, { log });
  let disputer: Disputer | undefined;
  if (cfg.disputeKey) {
    if (!cfg.attributionRegistry)
      throw new Error(
        'REPLAY_DISPUTE_KEY is set but no AttributionRegistry address is known (DEPLOYMENT_FILE or CONTRACT_ATTRIBUTION_REGISTRY)',
      );
    disputer = new Disputer(cfg.rpcUrl, cfg.attributionRegistry, cfg.disputeKey, cfg.disputeBondWei);
    log(`replay: disputes on, as ${disputer.address} via ${cfg.rpcUrl}`);
  }
  const worker = new ReplayWorker(cfg, pool, boss, { ...deps, db: pool, disputer, log }, { feed: opts.feed });
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
