import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { UserError } from '@ae/core';
import { REPO_ROOT } from './config.js';

/**
 * Brings every service's compiled JavaScript (`dist/`) up to date with `tsc -b` before anything starts:
 * services run from dist (the `ae-compiled` export condition), so a start never pays for compiling
 * TypeScript inside each service. Incremental: about a second when nothing changed.
 */
export async function compileServices(log: (line: string) => void): Promise<void> {
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  const began = Date.now();
  if (!existsSync(join(REPO_ROOT, 'api', 'dist')))
    log('compiling the services (tsc -b, about a minute the first time)…');
  const out: string[] = [];
  const code = await new Promise<number | null>((resolve, reject) => {
    const child = spawn(process.execPath, [tsc, '-b', 'tsconfig.build.json'], {
      cwd: REPO_ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout.on('data', (b) => out.push(String(b)));
    child.stderr.on('data', (b) => out.push(String(b)));
    child.on('error', reject);
    child.on('exit', resolve);
  });
  if (code !== 0)
    throw new UserError('the services do not compile (tsc -b tsconfig.build.json)', {
      details: out.join('').slice(-4000),
    });
  const ms = Date.now() - began;
  if (ms > 3000) log(`compiled the services in ${(ms / 1000).toFixed(0)} s (tsc -b)`);
}
