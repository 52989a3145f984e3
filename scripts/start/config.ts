import { isAbsolute, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { UserError } from '@ae/contracts';

/** The repository root: `.data/` and every workspace are found from here, whatever the cwd. */
export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

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

/** Every variable the launcher itself reads: the --help text and the README table come from this list. */
export const START_ENV: ReadonlyArray<{ name: string; default: string; meaning: string }> = [
  {
    name: 'DATA_DIR',
    default: '.data',
    meaning: 'where the embedded Postgres, the chain state, the deployment and the artifacts live',
  },
  {
    name: 'ARTIFACTS_DIR',
    default: '$DATA_DIR/artifacts',
    meaning: 'content-addressed artifact store (sha256/<hex>)',
  },
  {
    name: 'DEPLOYMENT_FILE',
    default: '$DATA_DIR/deployment.json',
    meaning: 'chain id, RPC, start block and contract addresses',
  },
  { name: 'DATABASE_URL', default: '(embedded)', meaning: 'use this Postgres instead of the embedded one' },
  {
    name: 'EMBEDDED_PG_PORT',
    default: '5433',
    meaning: 'port of the embedded Postgres (data in $DATA_DIR/postgres)',
  },
  {
    name: 'RPC_URL',
    default: '(devnet)',
    meaning:
      'use this chain instead of the local devnet (then DEPLOYMENT_FILE or CONTRACT_* name the contracts)',
  },
  { name: 'RPC_PORT', default: '8545', meaning: 'port of the local devnet (anvil)' },
  { name: 'API_PORT', default: '4350', meaning: 'port of the GraphQL API (/graphql)' },
  { name: 'EXPLORER_PORT', default: '3000', meaning: 'port of the explorer' },
  { name: 'SCENARIO_SEED', default: '1', meaning: 'seed of the devnet scenario (--seed)' },
  { name: 'SCENARIO_SCALE', default: 'small', meaning: 'small | medium | large (--scale)' },
  {
    name: 'SCENARIO_LIVE',
    default: 'true',
    meaning: 'keep producing activity after the scenario (--no-live sets false)',
  },
  { name: 'START_REPLAY', default: 'true', meaning: 'run a replay worker (--no-replay sets false)' },
  { name: 'START_EXPLORER', default: 'true', meaning: 'run the explorer (--no-explorer sets false)' },
  {
    name: 'STOP_TIMEOUT_MS',
    default: '10000',
    meaning: 'grace period between SIGTERM and SIGKILL on Ctrl-C',
  },
  {
    name: 'READY_TIMEOUT_S',
    default: '900',
    meaning: 'give up when the API and explorer do not answer within this time',
  },
  { name: 'NO_COLOR', default: '(unset)', meaning: 'set to anything to print log prefixes without colour' },
];

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
  const base = env.INIT_CWD ?? process.cwd();
  const abs = (p: string) => (isAbsolute(p) ? p : resolve(base, p));
  const dataDir = env.DATA_DIR ? abs(env.DATA_DIR) : join(REPO_ROOT, '.data');
  const scale = (values.scale as string | undefined) ?? env.SCENARIO_SCALE ?? 'small';
  if (scale !== 'small' && scale !== 'medium' && scale !== 'large')
    throw new UserError(`--scale / SCENARIO_SCALE must be small, medium or large, got "${scale}"`);
  return {
    help: values.help === true,
    dataDir,
    artifactsDir: env.ARTIFACTS_DIR ? abs(env.ARTIFACTS_DIR) : join(dataDir, 'artifacts'),
    deploymentFile: env.DEPLOYMENT_FILE ? abs(env.DEPLOYMENT_FILE) : join(dataDir, 'deployment.json'),
    databaseUrl: env.DATABASE_URL || undefined,
    embeddedPgPort: port(env, 'EMBEDDED_PG_PORT', 5433),
    rpcUrl: env.RPC_URL || undefined,
    rpcPort: port(env, 'RPC_PORT', 8545),
    apiPort: port(env, 'API_PORT', 4350),
    explorerPort: port(env, 'EXPLORER_PORT', 3000),
    scenario: {
      seed: int(
        (values.seed as string | undefined) ?? env.SCENARIO_SEED,
        'SCENARIO_SEED',
        1,
        0,
        Number.MAX_SAFE_INTEGER,
      ),
      scale,
      live: values['no-live'] ? false : bool(env, 'SCENARIO_LIVE', true),
    },
    replay: values['no-replay'] ? false : bool(env, 'START_REPLAY', true),
    explorer: values['no-explorer'] ? false : bool(env, 'START_EXPLORER', true),
    stopTimeoutMs: int(env.STOP_TIMEOUT_MS, 'STOP_TIMEOUT_MS', 10_000, 0, 600_000),
    readyTimeoutS: int(env.READY_TIMEOUT_S, 'READY_TIMEOUT_S', 900, 1, 86_400),
    color: env.NO_COLOR === undefined && process.stdout.isTTY === true,
  };
}

function port(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  return int(env[name], name, fallback, 1, 65535);
}

function int(raw: string | undefined, name: string, fallback: number, min: number, max: number): number {
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max)
    throw new UserError(`${name} must be an integer in [${min}, ${max}], got "${raw}"`);
  return n;
}

function bool(env: NodeJS.ProcessEnv, name: string, fallback: boolean): boolean {
  const v = env[name];
  if (v === undefined || v === '') return fallback;
  if (/^(1|true|yes|on)$/i.test(v)) return true;
  if (/^(0|false|no|off)$/i.test(v)) return false;
  throw new UserError(`${name} must be true or false, got "${v}"`);
}
