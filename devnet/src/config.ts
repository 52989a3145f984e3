import { isAbsolute, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { UserError } from '@ae/contracts';

/** The repository root: `.data/` lives there whichever workspace npm runs us from. */
const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

export interface DevnetConfig {
  /** Port of the local anvil (RPC_PORT, default 8545). */
  rpcPort: number;
  /** Interface anvil listens on (RPC_HOST, default 127.0.0.1). */
  rpcHost: string;
  /** An existing chain to use instead of starting anvil (RPC_URL, unset by default). */
  rpcUrl: string | undefined;
  /** Seconds per block (BLOCK_TIME); undefined mines each transaction at once. */
  blockTime: number | undefined;
  /** Data directory (DATA_DIR, default <repo>/.data). */
  dataDir: string;
  /** deployment.json (DEPLOYMENT_FILE, default <DATA_DIR>/deployment.json). */
  deploymentFile: string;
  /** Content-addressed artifact store of the scenario (ARTIFACTS_DIR, default <DATA_DIR>/artifacts). */
  artifactsDir: string;
}

/** The devnet's one reader of process.env. Relative paths resolve against the directory npm was run in. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): DevnetConfig {
  const base = env.INIT_CWD ?? process.cwd();
  const path = (p: string) => (isAbsolute(p) ? p : resolve(base, p));
  const dataDir = env.DATA_DIR ? path(env.DATA_DIR) : join(REPO_ROOT, '.data');
  return {
    rpcPort: intEnv(env, 'RPC_PORT', 8545, 0, 65535),
    rpcHost: env.RPC_HOST || '127.0.0.1',
    rpcUrl: env.RPC_URL || undefined,
    blockTime: env.BLOCK_TIME ? intEnv(env, 'BLOCK_TIME', 0, 1, 3600) : undefined,
    dataDir,
    deploymentFile: env.DEPLOYMENT_FILE ? path(env.DEPLOYMENT_FILE) : join(dataDir, 'deployment.json'),
    artifactsDir: env.ARTIFACTS_DIR ? path(env.ARTIFACTS_DIR) : join(dataDir, 'artifacts'),
  };
}

function intEnv(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max)
    throw new UserError(`${name} must be an integer in [${min}, ${max}], got "${raw}"`);
  return n;
}
