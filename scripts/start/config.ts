import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { defineEnv, resolveDataDir, UserError, v } from '@ae/core';

export { REPO_ROOT } from '@ae/core';

export type Scale = 'small' | 'medium' | 'large';

export interface StartConfig {
  help: boolean;
  /** Absolute data directory (DATA_DIR). */
  dataDir: string;
  artifactsDir: string;
  deploymentFile: string;
  /** External Postgres; undefined = embedded Postgres under <dataDir>/postgres. */
  databaseUrl: string | undefined;
  embeddedPgPort: number;
  /** External chain; undefined = our own anvil devnet playing the scenario. */
  rpcUrl: string | undefined;
  rpcPort: number;
  apiPort: number;
  explorerPort: number;
  scenario: { seed: number; scale: Scale; live: boolean };
  replay: boolean;
  explorer: boolean;
  /** Grace period between SIGTERM and SIGKILL when stopping a child. */
  stopTimeoutMs: number;
  /** Give up when the URLs do not answer within this many seconds. */
  readyTimeoutS: number;
  color: boolean;
}

/** The launcher's own options; each one also has an environment variable (the option wins). */
export const START_OPTIONS = {
  help: { type: 'boolean', short: 'h' },
  seed: { type: 'string' },
  scale: { type: 'string' },
  'no-live': { type: 'boolean' },
  'no-replay': { type: 'boolean' },
  'no-explorer': { type: 'boolean' },
} as const;

/** Every variable the launcher itself reads: the --help text and the parser come from this one schema. */
export const startEnv = defineEnv('npm start', {
  DATA_DIR: v.path(
    'where the embedded Postgres, the chain state, the deployment and the artifacts live',
    '.data',
  ),
  ARTIFACTS_DIR: v.path('content-addressed artifact store (sha256/<hex>)', '$DATA_DIR/artifacts'),
  DEPLOYMENT_FILE: v.path('chain id, RPC, start block and contract addresses', '$DATA_DIR/deployment.json'),
  DATABASE_URL: v.optionalUrl('use this Postgres instead of the embedded one', '(embedded)'),
  EMBEDDED_PG_PORT: v.port('port of the embedded Postgres (data in $DATA_DIR/postgres)', 5433),
  RPC_URL: v.optionalUrl(
    'use this chain instead of the local devnet (then DEPLOYMENT_FILE or CONTRACT_* name the contracts)',
    '(devnet)',
  ),
  RPC_PORT: v.port('port of the local devnet (anvil)', 8545),
  API_PORT: v.port('port of the GraphQL API (/graphql)', 4350),
  EXPLORER_PORT: v.port('port of the explorer', 3000),
  SCENARIO_SEED: v.int('seed of the devnet scenario (--seed)', 1),
  SCENARIO_SCALE: v.oneOf('scale of the scenario (--scale)', ['small', 'medium', 'large'] as const, 'small'),
  SCENARIO_LIVE: v.bool('keep producing activity after the scenario (--no-live sets false)', true),
  START_REPLAY: v.bool('run a replay worker (--no-replay sets false)', true),
  START_EXPLORER: v.bool('run the explorer (--no-explorer sets false)', true),
  STOP_TIMEOUT_MS: v.int('grace period between SIGTERM and SIGKILL on Ctrl-C', 10_000, { max: 600_000 }),
  READY_TIMEOUT_S: v.int('give up when the API and explorer do not answer within this time', 900, {
    min: 1,
    max: 86_400,
  }),
  NO_COLOR: v.optionalString('set to anything to print log prefixes without colour'),
});

/**
 * The launcher's one reader of process.env and argv. Paths become absolute here because the services
 * run with their workspace as cwd, where a relative `.data` would point somewhere else.
 */
export function loadStartConfig(argv: string[], env: NodeJS.ProcessEnv = process.env): StartConfig {
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({ args: argv, options: START_OPTIONS, strict: true, allowPositionals: false }));
  } catch (e) {
    throw new UserError(`${(e as Error).message} (npm start -- --help lists the options)`);
  }
  // An option wins over its variable: parse the variable's text as the option gave it.
  const scale = values.scale as string | undefined;
  if (scale !== undefined && !['small', 'medium', 'large'].includes(scale))
    throw new UserError(`--scale / SCENARIO_SCALE must be small, medium or large, got "${scale}"`);
  const e = startEnv.parse({
    ...env,
    ...(values.seed !== undefined ? { SCENARIO_SEED: values.seed as string } : {}),
    ...(scale !== undefined ? { SCENARIO_SCALE: scale } : {}),
  });
  const dataDir = resolveDataDir(env);
  return {
    help: values.help === true,
    dataDir,
    artifactsDir: e.ARTIFACTS_DIR ?? join(dataDir, 'artifacts'),
    deploymentFile: e.DEPLOYMENT_FILE ?? join(dataDir, 'deployment.json'),
    databaseUrl: e.DATABASE_URL,
    embeddedPgPort: e.EMBEDDED_PG_PORT,
    rpcUrl: e.RPC_URL,
    rpcPort: e.RPC_PORT,
    apiPort: e.API_PORT,
    explorerPort: e.EXPLORER_PORT,
    scenario: {
      seed: e.SCENARIO_SEED,
      scale: e.SCENARIO_SCALE,
      live: values['no-live'] ? false : e.SCENARIO_LIVE,
    },
    replay: values['no-replay'] ? false : e.START_REPLAY,
    explorer: values['no-explorer'] ? false : e.START_EXPLORER,
    stopTimeoutMs: e.STOP_TIMEOUT_MS,
    readyTimeoutS: e.READY_TIMEOUT_S,
    color: e.NO_COLOR === undefined && process.stdout.isTTY === true,
  };
}
