import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CONTRACT_NAMES, readDeployment } from '@ae/core';
import { createPublicClient, http } from 'viem';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureDeployment } from './ensureDeployment.js';
import { type Anvil, OPENLEDGER_CHAIN_ID, startAnvil } from './startAnvil.js';

let anvil: Anvil;
let dir: string;
beforeAll(async () => {
  anvil = await startAnvil();
  dir = mkdtempSync(join(tmpdir(), 'ae-deploy-'));
});
afterAll(async () => {
  await anvil?.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('ensureDeployment', () => {
  it('deploys, writes deployment.json that matches the chain, and reuses it on the next run', async () => {
    const path = join(dir, 'deployment.json');
    const first = await ensureDeployment({ rpcUrl: anvil.rpcUrl, deploymentPath: path });
    expect(first.reused).toBe(false);
    const onFile = readDeployment(path);
    expect(onFile).toEqual(first.deployment);
    expect(onFile?.chainId).toBe(OPENLEDGER_CHAIN_ID);
    const client = createPublicClient({ transport: http(anvil.rpcUrl) });
    for (const name of CONTRACT_NAMES) {
      expect(
        (await client.getCode({ address: first.deployment.contracts[name] }))?.length ?? 0,
      ).toBeGreaterThan(2);
    }
    const blockBefore = await client.getBlockNumber();
    const second = await ensureDeployment({ rpcUrl: anvil.rpcUrl, deploymentPath: path });
    expect(second).toEqual({ deployment: first.deployment, reused: true });
    expect(await client.getBlockNumber()).toBe(blockBefore);
  });

  it('deploys anew when the file names another chain or its addresses have no code', async () => {
    const path = join(dir, 'stale.json');
    const stale = JSON.parse(readFileSync(join(dir, 'deployment.json'), 'utf8'));
    stale.contracts.Staking = '0x000000000000000000000000000000000000dEaD';
    writeFileSync(path, JSON.stringify(stale));
    const r = await ensureDeployment({ rpcUrl: anvil.rpcUrl, deploymentPath: path });
    expect(r.reused).toBe(false);
    expect(r.deployment.contracts.Staking).not.toBe(stale.contracts.Staking);
    writeFileSync(path, JSON.stringify({ ...r.deployment, rpcUrl: 'http://127.0.0.1:1' }));
    expect((await ensureDeployment({ rpcUrl: anvil.rpcUrl, deploymentPath: path })).reused).toBe(false);
  });

  it('refuses a corrupt deployment file with a clear error instead of overwriting it', async () => {
    const path = join(dir, 'corrupt.json');
    writeFileSync(path, '{"chainId": "x"');
    await expect(ensureDeployment({ rpcUrl: anvil.rpcUrl, deploymentPath: path })).rejects.toThrow(
      /not JSON/,
    );
    writeFileSync(
      path,
      JSON.stringify({ chainId: 1612, rpcUrl: anvil.rpcUrl, startBlock: 1, contracts: {} }),
    );
    await expect(ensureDeployment({ rpcUrl: anvil.rpcUrl, deploymentPath: path })).rejects.toThrow(
      /contracts.Staking/,
    );
  });
});
