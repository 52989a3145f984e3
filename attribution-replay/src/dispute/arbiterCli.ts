import { isLocalDevnet, namedAccounts } from '@ae/contracts/devnet';
import { createLogger, UserError } from '@ae/core';
import pg from 'pg';
import { loadConfig, type ReplayConfig } from '../config.js';
import { createMethodRunner } from '../methods/methodRunner.js';
import { bindReplay } from '../verify/bindReplay.js';
import { waitForIndex } from '../worker/waitForIndex.js';
import { Arbiter, runArbiter } from './arbiter.js';

/**
 * Starts the devnet arbiter: refuses unless the chain is a local anvil devnet (its key is the public
 * mnemonic's `arbiter`, granted ARBITER_ROLE at deployment), then rules on open disputes every
 * REPLAY_FEED_INTERVAL_MS with its own canonical CPU replay.
 */
export async function startArbiter(cfg: ReplayConfig, opts: { log?: (l: string) => void } = {}) {
  const logger = createLogger({ service: 'arbiter' });
  const log = opts.log ?? ((l: string) => logger.info(l));
  if (!(await isLocalDevnet(cfg.rpcUrl)))
    throw new UserError(`the devnet arbiter runs only on a local anvil devnet, and ${cfg.rpcUrl} is not one`);
  if (!cfg.attributionRegistry)
    throw new UserError(
      'no AttributionRegistry address is known (DEPLOYMENT_FILE or CONTRACT_ATTRIBUTION_REGISTRY)',
    );
  const pool = new pg.Pool({ connectionString: cfg.databaseUrl, max: 3 });
  await waitForIndex(pool, log);
  const deps = await bindReplay({ ...cfg, device: 'cpu' }, { log });
  const account = namedAccounts().arbiter;
  const arbiter = new Arbiter(
    { ...deps, runner: createMethodRunner('cpu', log, cfg.modelCache), db: pool },
    cfg.rpcUrl,
    cfg.attributionRegistry,
    account,
    log,
  );
  const loop = runArbiter(arbiter, Math.max(200, cfg.feedIntervalMs), log);
  log(`arbiter: ruling on open disputes as ${account.address} (canonical CPU replay) via ${cfg.rpcUrl}`);
  return {
    arbiter,
    async stop() {
      await loop.stop();
      await pool.end();
    },
  };
}

/** `attribution-replay arbiter`: the devnet arbiter until SIGINT/SIGTERM. */
export async function arbiterCommand(
  argv: readonly string[],
  env: NodeJS.ProcessEnv = process.env,
): Promise<number> {
  if (argv.length > 0) {
    console.error(`unknown argument ${argv[0]}\nusage: attribution-replay arbiter`);
    return 64;
  }
  let running: Awaited<ReturnType<typeof startArbiter>>;
  try {
    running = await startArbiter(loadConfig(env));
  } catch (e) {
    if (!(e instanceof UserError)) throw e;
    createLogger({ service: 'arbiter' }).error(`arbiter: ${e.shortMessage}`);
    return 1;
  }
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  await running.stop();
  return 0;
}
