import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from './config.js';

/**
 * The services the launcher runs: their config module (and the entry, which should read nothing itself but
 * sometimes does); every variable they read passes through `npm start` unchanged.
 */
export const SERVICE_CONFIG_MODULES = [
  { service: 'devnet', files: ['devnet/src/config.ts', 'devnet/src/cli.ts'] },
  { service: 'indexer', files: ['indexer/src/config.ts', 'indexer/src/main.ts'] },
  { service: 'api', files: ['api/src/config.ts', 'api/src/main.ts'] },
  { service: 'replay worker', files: ['attribution-replay/src/config.ts', 'attribution-replay/src/main.ts'] },
  { service: 'explorer', files: ['explorer/src/config.ts', 'explorer/src/main.ts'] },
] as const;

/** Set by npm itself, never by a user: not worth a line in the help. */
const NOT_USER_FACING = new Set(['INIT_CWD']);

/**
 * The environment variables a config module reads, found in its source: `env.X`, `env['X']`,
 * `helper(env, 'X', …)` and `` env[`PREFIX_${…}`] `` (listed as `PREFIX_<NAME>`). Reading the source rather
 * than keeping a list here means --help cannot drift from what the services actually read.
 */
export function envVarsInSource(source: string): string[] {
  const found = new Set<string>();
  const patterns = [
    /\benv\.([A-Z][A-Z0-9_]*)\b/g, // also process.env.X
    /\benv\[\s*['"]([A-Z][A-Z0-9_]*)['"]\s*\]/g,
    /\(\s*env\s*,\s*['"]([A-Z][A-Z0-9_]*)['"]/g,
  ];
  for (const re of patterns) for (const m of source.matchAll(re)) found.add(m[1]);
  for (const m of source.matchAll(/\benv\[\s*`([A-Z][A-Z0-9_]*)\$\{/g)) found.add(`${m[1]}<NAME>`);
  return [...found].filter((n) => !NOT_USER_FACING.has(n)).sort();
}

/** Per service, the variables its config module reads (in the repository as it is now). */
export function serviceEnvVars(root = REPO_ROOT): Array<{ service: string; vars: string[] }> {
  return SERVICE_CONFIG_MODULES.map(({ service, files }) => ({
    service,
    vars: [
      ...new Set(
        files
          .filter((f) => existsSync(join(root, f)))
          .flatMap((f) => envVarsInSource(readFileSync(join(root, f), 'utf8'))),
      ),
    ].sort(),
  }));
}
