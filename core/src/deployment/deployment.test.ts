import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UserError } from '../errors/BaseError.js';
import { CONTRACT_NAMES } from './contractNames.js';
import {
  contractEnvName,
  loadDeployment,
  readDeployment,
  requireDeployment,
  writeDeployment,
} from './deployment.js';

const addr = (i: number) => `0x${String(i).padStart(39, '0')}a` as const;
const deployment = {
  chainId: 1612,
  rpcUrl: 'http://127.0.0.1:8545',
  startBlock: 3,
  contracts: Object.fromEntries(CONTRACT_NAMES.map((n, i) => [n, addr(i + 1)])),
} as const;

describe('deployment file', () => {
  const dir = mkdtempSync(join(tmpdir(), 'deployment-'));
  const file = join(dir, 'deployment.json');
  writeDeployment(file, deployment as never);

  it('lowercases addresses', () => {
    const upper = {
      ...deployment,
      contracts: { ...deployment.contracts, Staking: addr(7).toUpperCase().replace('0X', '0x') },
    };
    writeDeployment(join(dir, 'upper.json'), upper as never);
    expect(readDeployment(join(dir, 'upper.json'))?.contracts.Staking).toBe(addr(7));
  });

  it('round-trips and applies CONTRACT_*/CHAIN_ID/START_BLOCK overrides', () => {
    expect(readDeployment(file)).toEqual(deployment);
    const d = loadDeployment({ DEPLOYMENT_FILE: file, CHAIN_ID: '31337', CONTRACT_STAKING: addr(99) });
    expect(d?.chainId).toBe(31337);
    expect(d?.contracts.Staking).toBe(addr(99));
    expect(d?.contracts.AttributionRegistry).toBe(deployment.contracts.AttributionRegistry);
    expect(contractEnvName('RewardDistributor')).toBe('CONTRACT_REWARD_DISTRIBUTOR');
  });

  it('works from the environment alone, and says how to get a deployment when there is none', () => {
    const env = Object.fromEntries(CONTRACT_NAMES.map((n, i) => [contractEnvName(n), addr(i + 10)]));
    const missing = join(dir, 'none.json');
    expect(loadDeployment({ ...env, DEPLOYMENT_FILE: missing, CHAIN_ID: '5' })?.startBlock).toBe(0);
    expect(loadDeployment({ DEPLOYMENT_FILE: missing })).toBeUndefined();
    expect(() => requireDeployment({ DEPLOYMENT_FILE: missing })).toThrow(/not found/);
  });

  it('names the bad field of a broken file', () => {
    const bad = join(dir, 'bad.json');
    writeFileSync(
      bad,
      JSON.stringify({ ...deployment, contracts: { ...deployment.contracts, Staking: '0x1' } }),
    );
    expect(() => readDeployment(bad)).toThrow(UserError);
    expect(() => readDeployment(bad)).toThrow(/contracts\.Staking must be a 20-byte 0x address/);
    writeFileSync(bad, '{');
    expect(() => readDeployment(bad)).toThrow(/not JSON/);
  });
});
