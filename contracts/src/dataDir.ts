import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root: `.data/` lives there whichever workspace npm runs a service from. */
const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/**
 * DATA_DIR as every service reads it: relative paths against the directory npm was run in (INIT_CWD), not the
 * workspace npm switched to, and by default `<repo>/.data`, where the devnet writes the deployment. Without
 * this, `npm run start -w indexer` after `npm run devnet` looked for `indexer/.data/deployment.json`.
 */
export function resolveDataDir(env: NodeJS.ProcessEnv = process.env): string {
  return env.DATA_DIR ? resolve(env.INIT_CWD ?? process.cwd(), env.DATA_DIR) : join(REPO_ROOT, '.data');
}

/** A path option (DEPLOYMENT_FILE, ARTIFACTS_DIR...) resolved the same way, or `fallback` when unset. */
export function resolvePath(
  value: string | undefined,
  fallback: string,
  env: NodeJS.ProcessEnv = process.env,
) {
  return value ? resolve(env.INIT_CWD ?? process.cwd(), value) : fallback;
}
