import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Env } from '../env/envVar.js';

/** The repository root: `.data/` and every workspace are found from here, whatever the cwd. */
export const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));

/**
 * DATA_DIR as every service reads it: relative paths against the directory npm was run in (INIT_CWD), not the
 * workspace npm switched to, and by default `<repo>/.data`, where the devnet writes the deployment. Without
 * this, `npm run start -w indexer` after `npm run devnet` looked for `indexer/.data/deployment.json`.
 */
export function resolveDataDir(env: Env = process.env): string {
  return env.DATA_DIR ? resolve(env.INIT_CWD ?? process.cwd(), env.DATA_DIR) : join(REPO_ROOT, '.data');
}

/** A path option (DEPLOYMENT_FILE, ARTIFACTS_DIR...) resolved the same way, or `fallback` when unset. */
export function resolvePath(value: string | undefined, fallback: string, env: Env = process.env): string {
  return value ? resolve(env.INIT_CWD ?? process.cwd(), value) : fallback;
}
