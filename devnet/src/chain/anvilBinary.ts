import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { UserError } from '@ae/core';

const require = createRequire(import.meta.url);
const ARCH: Record<string, string> = { x64: 'amd64', arm64: 'arm64' };

/**
 * The native anvil binary shipped in @foundry-rs/anvil's platform package. Spawning it directly (not
 * through the package's node wrapper) means the process we stop is anvil itself.
 */
export function anvilBinary(): string {
  const pkg = `@foundry-rs/anvil-${process.platform}-${ARCH[process.arch] ?? process.arch}`;
  try {
    const bin = join(
      dirname(require.resolve(`${pkg}/package.json`)),
      'bin',
      process.platform === 'win32' ? 'anvil.exe' : 'anvil',
    );
    if (existsSync(bin)) return bin;
  } catch {
    // fall through to the error below
  }
  throw new UserError(`anvil binary not found (${pkg})`, {
    details: 'Run npm install: @foundry-rs/anvil installs the binary of its platform package.',
  });
}
