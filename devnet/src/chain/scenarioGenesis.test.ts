import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { createPublicClient, http } from 'viem';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scenarioGenesisTimestamp, seedStartTimestamp } from '../scenario/seedClock.js';
import { ensureDeployment } from './ensureDeployment.js';
import { type Anvil, startAnvil } from './startAnvil.js';

const SEED = 23;
let anvil: Anvil;
let dir: string;
beforeAll(async () => {
  anvil = await startAnvil({ genesisTimestamp: scenarioGenesisTimestamp(SEED) });
  dir = mkdtempSync(join(tmpdir(), 'ae-genesis-'));
});
afterAll(async () => {
  await anvil?.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('a chain born for a scenario', () => {
  it('starts before the seed’s first block, on the same day', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000 }), (seed) => {
        const gap = seedStartTimestamp(seed) - scenarioGenesisTimestamp(seed);
        expect(gap).toBeGreaterThan(0);
        expect(gap).toBeLessThan(86_400);
      }),
    );
  });

  it('dates its deployment on the scenario’s clock, between genesis and the first scenario block', async () => {
    const { deployment } = await ensureDeployment({
      rpcUrl: anvil.rpcUrl,
      deploymentPath: join(dir, 'deployment.json'),
    });
    const client = createPublicClient({ transport: http(anvil.rpcUrl) });
    const genesis = await client.getBlock({ blockNumber: 0n });
    expect(Number(genesis.timestamp)).toBe(scenarioGenesisTimestamp(SEED));
    const deployed = await client.getBlock({ blockNumber: BigInt(deployment.startBlock) });
    expect(Number(deployed.timestamp)).toBeGreaterThanOrEqual(scenarioGenesisTimestamp(SEED));
    expect(Number(deployed.timestamp)).toBeLessThan(seedStartTimestamp(SEED));
  });
});
