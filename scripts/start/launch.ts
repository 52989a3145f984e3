import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { type LogFormat, logFormat, UserError } from '@ae/core';
import { devnetNameTags } from '@ae/devnet/nameTags';
import { compileServices } from './compileServices.js';
import type { StartConfig } from './config.js';
import { checkDataVersion, writeDataVersion } from './dataVersion.js';
import { type RunningPostgres, startEmbeddedPostgres } from './embeddedPostgres.js';
import { checkPorts, type PortClaim } from './ports.js';
import { deployedOn, graphql, httpStatus, waitFor } from './probe.js';
import { watchSync } from './progress.js';
import { SERVICES, serviceCommand } from './services.js';
import { Supervisor } from './supervisor.js';

export interface Launched {
  graphqlUrl: string;
  explorerUrl: string | undefined;
  rpcUrl: string;
  databaseUrl: string;
  /** Rejects when a service exits on its own (the launcher then stops the rest). */
  failure: Promise<never>;
  /** Stops every child (reverse order, SIGTERM then SIGKILL), then the embedded Postgres. Idempotent. */
  stop(): Promise<void>;
}

export interface LaunchOptions {
  /** Where every line goes (prefixed with the service name); stdout by default. */
  write?: (line: string) => void;
  /** Aborting stops the start half-way (Ctrl-C during the start). */
  signal?: AbortSignal;
  /** How lines are written (default: LOG_FORMAT, else pretty on a terminal and JSON otherwise). */
  format?: LogFormat;
  /** Called once when the indexer has first caught up with the chain head. */
  onFirstSync?: () => void;
}

/**
 * `npm start`'s whole orchestration, callable from a test: checks ports, starts (or reuses) Postgres and the
 * devnet, waits for the deployment, runs indexer, API, replay worker and explorer, and resolves once the
 * GraphQL API and the explorer answer over HTTP. State lives in `cfg.dataDir`, so a second launch resumes.
 */
export async function launch(cfg: StartConfig, opts: LaunchOptions = {}): Promise<Launched> {
  const began = Date.now();
  let fail: (e: Error) => void = () => {};
  const failure = new Promise<never>((_, reject) => {
    fail = reject;
  });
  failure.catch(() => {});
  const format = opts.format ?? logFormat(process.env, process.stdout.isTTY === true);
  const sup = new Supervisor({
    color: cfg.color,
    format,
    write: opts.write,
    onUnexpectedExit: (name, code, signal) =>
      fail(
        new UserError(
          `${name} exited (${signal ?? `code ${code}`}); stopping everything (its log lines are above)`,
        ),
      ),
  });
  const log = (l: string) => sup.log('start', l);
  const ownChain = cfg.rpcUrl === undefined;
  const claims: PortClaim[] = [{ port: cfg.apiPort, variable: 'API_PORT', what: 'the GraphQL API' }];
  if (cfg.explorer) claims.push({ port: cfg.explorerPort, variable: 'EXPLORER_PORT', what: 'the explorer' });
  if (ownChain) claims.push({ port: cfg.rpcPort, variable: 'RPC_PORT', what: 'the devnet (anvil)' });
  if (!cfg.databaseUrl)
    claims.push({ port: cfg.embeddedPgPort, variable: 'EMBEDDED_PG_PORT', what: 'the embedded Postgres' });
  await checkPorts(claims);
  await mkdir(cfg.dataDir, { recursive: true });
  await compileServices(log);

  let pg: RunningPostgres | undefined;
  let stopped: Promise<void> | undefined;
  const stopOnce = async () => {
    await sup.stopAll(cfg.stopTimeoutMs);
    if (pg) {
      log('stopping the embedded Postgres');
      await pg.stop();
    }
  };
  const stop = () => {
    stopped ??= stopOnce();
    return stopped;
  };
  try {
    const devnetPlan = ownChain ? planDevnet(cfg) : undefined;
    let databaseUrl = cfg.databaseUrl;
    if (!databaseUrl) {
      log(
        `starting the embedded Postgres on port ${cfg.embeddedPgPort} (data in ${join(cfg.dataDir, 'postgres')})`,
      );
      pg = await startEmbeddedPostgres({ dir: join(cfg.dataDir, 'postgres'), port: cfg.embeddedPgPort });
      databaseUrl = pg.databaseUrl;
    }
    const rpcUrl = cfg.rpcUrl ?? `http://127.0.0.1:${cfg.rpcPort}`;
    const graphqlUrl = `http://127.0.0.1:${cfg.apiPort}/graphql`;
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      DATA_DIR: cfg.dataDir,
      ARTIFACTS_DIR: cfg.artifactsDir,
      DEPLOYMENT_FILE: cfg.deploymentFile,
      DATABASE_URL: databaseUrl,
      RPC_URL: rpcUrl,
      RPC_PORT: String(cfg.rpcPort),
      API_PORT: String(cfg.apiPort),
      EXPLORER_PORT: String(cfg.explorerPort),
      API_URL: process.env.API_URL ?? graphqlUrl,
      // every service writes in the launcher's format (core's logger reads it; the rest is converted per line)
      LOG_FORMAT: format,
    };
    if (devnetPlan) {
      log(devnetPlan.note);
      const devnetEnv = { ...env };
      delete devnetEnv.RPC_URL; // the devnet would attach to that chain instead of starting anvil
      env.EXPLORER_DEVNET_SIGNER ??= '1'; // anvil's well-known keys sign flags on a local devnet only
      // the replay worker disputes as the devnet's named auditor (its key derived in contracts/src/devnet/namedAccounts.ts)
      if (!env.REPLAY_DISPUTE_KEY) env.REPLAY_DISPUTE_AS ??= 'devnet-auditor';
      // the explorer names the devnet's well-known actors (poster, arbiter, curators…) on every page
      const tagsFile = join(cfg.dataDir, 'name-tags.json');
      await writeFile(tagsFile, `${JSON.stringify(devnetNameTags(), null, 2)}\n`);
      env.EXPLORER_NAME_TAGS ??= tagsFile;
      sup.start(serviceCommand(SERVICES.devnet, devnetPlan.args, devnetEnv));
      await Promise.race([
        waitFor('the devnet deployment', () => deployedOn(rpcUrl, cfg.deploymentFile), {
          timeoutMs: 300_000,
          signal: opts.signal,
        }),
        failure,
      ]);
      log(
        `protocol deployed (${cfg.deploymentFile}); starting the indexer, API${cfg.replay ? ', replay worker (disputing as the devnet auditor)' : ''}, devnet arbiter${cfg.explorer ? ' and explorer' : ''}`,
      );
    } else if (!existsSync(cfg.deploymentFile) && !process.env.CONTRACT_STAKING) {
      throw new UserError(`RPC_URL is set but ${cfg.deploymentFile} does not exist`, {
        details:
          'set DEPLOYMENT_FILE to the deployment of that chain, or CHAIN_ID, START_BLOCK and CONTRACT_<NAME> for every contract',
      });
    }
    // Migrations first, so that the API and the replay worker never meet a database without tables.
    const migrate = sup.start(serviceCommand(SERVICES.migrate, [], env), { oneShot: true });
    await Promise.race([migrate.exited, failure]);
    sup.start(serviceCommand(SERVICES.indexer, [], env));
    sup.start(serviceCommand(SERVICES.api, [], env));
    if (cfg.replay) sup.start(serviceCommand(SERVICES.replay, [], env));
    if (devnetPlan) sup.start(serviceCommand(SERVICES.arbiter, [], env));
    if (cfg.explorer) sup.start(serviceCommand(SERVICES.explorer, [], env));

    const timeoutMs = cfg.readyTimeoutS * 1000;
    await Promise.race([
      waitFor('the GraphQL API', () => graphql(graphqlUrl, '{ __typename }').then(() => true), {
        timeoutMs,
        signal: opts.signal,
      }),
      failure,
    ]);
    watchSync(graphqlUrl, log, failure, opts.onFirstSync);
    const explorerUrl = cfg.explorer ? `http://localhost:${cfg.explorerPort}` : undefined;
    if (explorerUrl) {
      // The explorer's own server answering is what counts: its pages may say 503 while the API catches up.
      const status = await Promise.race([
        waitFor('the explorer', () => httpStatus(explorerUrl), { timeoutMs, signal: opts.signal }),
        failure,
      ]);
      if (status >= 500)
        log(`the explorer answers, but its home page says ${status} for now (see its log lines)`);
    }
    log(`ready in ${((Date.now() - began) / 1000).toFixed(0)} s`);
    return {
      graphqlUrl: `http://localhost:${cfg.apiPort}/graphql`,
      explorerUrl,
      rpcUrl,
      databaseUrl,
      failure,
      stop,
    };
  } catch (e) {
    await stop();
    throw e;
  }
}

/**
 * What the devnet plays: the scenario on a new chain; on a chain kept from an earlier start (anvil state and
 * truth file in DATA_DIR) it only boots the saved chain, because replaying the scenario there would double
 * the ecosystem and invalidate the truth file.
 */
function planDevnet(cfg: StartConfig): { args: string[]; note: string } {
  const state = join(cfg.dataDir, 'anvil-state.json');
  const truth = join(cfg.dataDir, 'scenario-truth.json');
  const base = ['--persist', '--port', String(cfg.rpcPort)];
  if (existsSync(state) && existsSync(truth)) {
    checkDataVersion(cfg.dataDir);
    return { args: base, note: `resuming the devnet saved in ${state} (the scenario was played before)` };
  }
  if (existsSync(state)) {
    throw new UserError(`the chain in ${state} was saved before its scenario finished`, {
      details: `remove ${cfg.dataDir} (or at least anvil-state.json, deployment.json and postgres/) to start over`,
    });
  }
  writeDataVersion(cfg.dataDir);
  const { seed, scale, live } = cfg.scenario;
  const args = [
    ...base,
    '--scenario',
    'ecosystem',
    '--seed',
    String(seed),
    '--scale',
    scale,
    ...(live ? ['--live'] : []),
  ];
  return {
    args,
    note: `starting a new devnet: scenario ecosystem, seed ${seed}, scale ${scale}${live ? ', then live activity' : ''}`,
  };
}
