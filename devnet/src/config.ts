import { join } from 'node:path';
import { defineEnv, type Env, resolveDataDir, v } from '@ae/core';

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

/** Every variable the devnet reads: parsed here and listed by `npm start -- --help`. */
export const devnetEnv = defineEnv('devnet', {
  RPC_PORT: v.int("anvil's port", 8545, { min: 0, max: 65535 }),
  RPC_HOST: v.string('interface anvil listens on', '127.0.0.1'),
  RPC_URL: v.optionalUrl('use this chain instead of starting anvil'),
  BLOCK_TIME: v.optionalInt('seconds per block (default: instant mining)', { min: 1, max: 3600 }),
  DATA_DIR: v.path('data directory', '<repo>/.data'),
  DEPLOYMENT_FILE: v.path('where the deployment is written', '$DATA_DIR/deployment.json'),
  ARTIFACTS_DIR: v.path(
    'where the scenario puts contents, checkpoints, configs, results',
    '$DATA_DIR/artifacts',
  ),
});

/** The devnet's one reader of process.env. Relative paths resolve against the directory npm was run in. */
export function loadConfig(env: Env = process.env): DevnetConfig {
  const e = devnetEnv.parse(env);
  const dataDir = resolveDataDir(env);
  return {
    rpcPort: e.RPC_PORT,
    rpcHost: e.RPC_HOST,
    rpcUrl: e.RPC_URL,
    blockTime: e.BLOCK_TIME,
    dataDir,
    deploymentFile: e.DEPLOYMENT_FILE ?? join(dataDir, 'deployment.json'),
    artifactsDir: e.ARTIFACTS_DIR ?? join(dataDir, 'artifacts'),
  };
}
