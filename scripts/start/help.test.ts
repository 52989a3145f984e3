import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadApiConfig } from '@ae/api/config';
import { loadConfig as replayConfig } from '@ae/attribution-replay/config';
import { CONTRACT_NAMES } from '@ae/core';
import { loadConfig as devnetConfig } from '@ae/devnet/config';
import { loadConfig as explorerConfig } from '@ae/explorer/config';
import { loadConfig as indexerConfig } from '@ae/indexer/config';
import { afterAll, describe, expect, it } from 'vitest';
import { loadStartConfig, startEnv } from './config.js';
import { helpText } from './help.js';

const dir = mkdtempSync(join(tmpdir(), 'ae-help-'));
const deploymentFile = join(dir, 'deployment.json');
const addr = (i: number) => `0x${String(i).padStart(40, '0')}`;
writeFileSync(
  deploymentFile,
  JSON.stringify({
    chainId: 1612,
    rpcUrl: 'http://127.0.0.1:8545',
    startBlock: 1,
    contracts: Object.fromEntries(CONTRACT_NAMES.map((n, i) => [n, addr(i + 1)])),
  }),
);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs a config module with an environment that records every name it asks for. */
function namesRead(load: (env: NodeJS.ProcessEnv) => unknown): string[] {
  const seen = new Set<string>();
  const env = new Proxy({} as NodeJS.ProcessEnv, {
    get(_, key) {
      if (typeof key !== 'string') return undefined;
      seen.add(key);
      return key === 'DEPLOYMENT_FILE' ? deploymentFile : undefined;
    },
    has: (_, key) => key === 'DEPLOYMENT_FILE',
  });
  load(env);
  return [...seen].filter((k) => k !== 'INIT_CWD');
}

describe('npm start -- --help', () => {
  const help = helpText();
  const listed = (name: string) =>
    help.includes(` ${name} `) ||
    help.includes(` ${name}\n`) ||
    (name.startsWith('CONTRACT_') && help.includes('CONTRACT_<NAME>'));

  it.each([
    ['devnet', devnetConfig],
    ['indexer', indexerConfig],
    ['api', loadApiConfig],
    ['replay worker', replayConfig],
    ['explorer', explorerConfig],
  ] as const)('lists every variable the %s config module reads when it runs', (_, load) => {
    const read = namesRead(load as (env: NodeJS.ProcessEnv) => unknown);
    expect(read.length).toBeGreaterThan(3);
    expect(read.filter((n) => !listed(n))).toEqual([]);
  });

  it('lists every variable and option of the launcher, and the launcher reads no other', () => {
    const names = Object.keys(startEnv.vars);
    for (const n of names) expect(help).toContain(`  ${n} `);
    const read = namesRead((env) => loadStartConfig([], env));
    expect(read.filter((n) => !names.includes(n)).sort()).toEqual([]);
    for (const o of ['--seed', '--scale', '--no-live', '--no-replay', '--no-explorer', '--help'])
      expect(help).toContain(o);
  });

  it('rejects an unknown option with a pointer to --help', () => {
    expect(() => loadStartConfig(['--bogus'], {})).toThrow(/npm start -- --help/);
    expect(() => loadStartConfig(['--scale', 'huge'], {})).toThrow(
      '--scale / SCENARIO_SCALE must be small, medium or large',
    );
  });
});
