import { spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { createServer, type RequestListener } from 'node:http';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createLogger, packageRoot, REPO_ROOT } from '@ae/core';
import { loadConfig } from './config.js';
import { withSecurityHeaders } from './server/withSecurityHeaders.js';

/**
 * `npm start -w explorer`: serves the production build (adapter-node) on EXPLORER_PORT. The build is
 * made on first start and again whenever a source file is newer than it, so a fresh checkout works with
 * one command while restarts stay instant. A production build rather than `vite dev`: the same CSP and
 * code paths as a deployment, and no file-watching dev server competing for CPU with the indexer.
 */
const root = packageRoot(import.meta.url);
const handlerPath = join(root, 'build', 'handler.js');
const log = createLogger();

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

/** Runs a node script quietly: its output is kept and shown only when it fails. */
function run(script: string, args: string[]): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [script, ...args], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const out: string[] = [];
    child.stdout.on('data', (b) => out.push(String(b)));
    child.stderr.on('data', (b) => out.push(String(b)));
    child.on('exit', (code) => resolve({ code, output: out.join('') }));
  });
}

if (needsBuild()) {
  const began = Date.now();
  log.info('building the explorer (vite build, a minute or two the first time)');
  const bin = (pkg: string, file: string) => join(REPO_ROOT, 'node_modules', pkg, file);
  // svelte-kit sync first: it writes .svelte-kit/tsconfig.json, which tsconfig.json extends
  const steps: [string, string[]][] = [
    [bin('@sveltejs/kit', 'svelte-kit.js'), ['sync']],
    [bin('vite', 'bin/vite.js'), ['build', '--logLevel', 'warn']],
  ];
  for (const [script, args] of steps) {
    const r = await run(script, args);
    if (r.code !== 0) {
      process.stderr.write(r.output);
      log.fatal('build failed', { step: args[0] });
      process.exit(1);
    }
    const warnings = r.output.split('\n').filter((l) => /\bwarn|error/i.test(l));
    for (const w of warnings.slice(0, 5)) log.warn(w.trim());
  }
  log.info('built', { seconds: Math.round((Date.now() - began) / 1000) });
}
const { handler } = (await import(pathToFileURL(handlerPath).href)) as { handler: RequestListener };
const server = createServer(withSecurityHeaders(handler));
server.listen(config.port, config.host, () => {
  log.info(`listening on http://localhost:${config.port}`, { api: config.apiUrl });
});
for (const sig of ['SIGINT', 'SIGTERM'] as const) {
  process.on(sig, () => server.close(() => process.exit(0)));
}
