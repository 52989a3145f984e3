import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { loadConfig } from './config.js';

/**
 * `npm start -w explorer`: serves the production build (adapter-node) on EXPLORER_PORT. The build is
 * made on first start and again whenever a source file is newer than it, so a fresh checkout works with
 * one command while restarts stay instant. A production build rather than `vite dev`: the same CSP and
 * code paths as a deployment, and no file-watching dev server competing for CPU with the indexer.
 */
const root = fileURLToPath(new URL('..', import.meta.url));
const handlerPath = join(root, 'build', 'handler.js');

function newestMtime(dir: string): number {
  let newest = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    newest = Math.max(newest, e.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs);
  }
  return newest;
}

const config = loadConfig();

function needsBuild(): boolean {
  if (config.skipBuild) return false;
  if (!existsSync(handlerPath)) return true;
  const built = statSync(handlerPath).mtimeMs;
  const sources = Math.max(newestMtime(join(root, 'src')), statSync(join(root, 'svelte.config.js')).mtimeMs);
  return sources > built;
}

if (needsBuild()) {
  console.log('[explorer] building (vite build)…');
  const r = spawnSync(
    process.execPath,
    [join(root, '..', 'node_modules', 'vite', 'bin', 'vite.js'), 'build'],
    { cwd: root, stdio: 'inherit' },
  );
  if (r.status !== 0) {
    console.error('[explorer] build failed');
    process.exit(1);
  }
}
const { handler } = (await import(pathToFileURL(handlerPath).href)) as {
  handler: Parameters<typeof createServer>[1];
};
const server = createServer(handler);
server.listen(config.port, config.host, () => {
  console.log(`[explorer] http://localhost:${config.port} (API ${config.apiUrl})`);
});
for (const sig of ['SIGINT', 'SIGTERM'] as const) {
  process.on(sig, () => server.close(() => process.exit(0)));
}
