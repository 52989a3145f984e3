import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/**
 * Builds the compiled JavaScript that `npm start` runs (`tsc -b tsconfig.build.json`, incremental), so that the
 * benchmark measures the indexer as production starts it, not tsx compiling its sources on every start.
 */
export function buildIndexer(): void {
  const t0 = performance.now();
  execFileSync(process.execPath, [tscBin(), '-b', 'tsconfig.build.json'], { cwd: ROOT, stdio: 'inherit' });
  console.log(`built the compiled indexer (tsc -b, ${((performance.now() - t0) / 1000).toFixed(0)} s)`);
}

function tscBin(): string {
  return fileURLToPath(import.meta.resolve('typescript/bin/tsc'));
}
