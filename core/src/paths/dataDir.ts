import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Env } from '../env/envVar.js';

/**
 * The folder of the nearest package.json above a module (`import.meta.url`): the same answer whether the
 * module runs as TypeScript from src/ or compiled from dist/src/, so assets (migrations, schema) are found
 * by what they belong to, not by how deep the running file happens to be.
 */
export function packageRoot(
  moduleUrl: string,
  accept: (pkg: { workspaces?: unknown }) => boolean = () => true,
) {
  let dir = dirname(fileURLToPath(moduleUrl));
  for (;;) {
    const file = join(dir, 'package.json');
    if (existsSync(file) && accept(JSON.parse(readFileSync(file, 'utf8')))) return dir;
    const up = dirname(dir);
    if (up === dir) throw new Error(`no package.json above ${fileURLToPath(moduleUrl)}`);
    dir = up;
  }
}

/** The repository root (the package.json with workspaces): `.data/` and every workspace are found from here. */
export const REPO_ROOT = `${packageRoot(import.meta.url, (p) => Array.isArray(p.workspaces))}/`;

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
