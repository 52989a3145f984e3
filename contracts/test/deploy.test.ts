import { CONTRACT_NAMES } from '@ae/core';
import { ProtocolDriver } from '@ae/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AccessRole } from '../src/roles.js';

let f: ProtocolDriver;
beforeAll(async () => {
  f = await ProtocolDriver.start();
});
afterAll(async () => {
  await f?.stop();
});

describe('deployProtocol', () => {
  it('deploys code at every address and starts at the first deployment block', async () => {
    for (const name of CONTRACT_NAMES) {
      const code = await f.pub.getCode({ address: f.contracts[name] });
      expect(code?.length ?? 0, name).toBeGreaterThan(2);
    }
    expect(f.startBlock).toBeGreaterThan(0);
  });

  it('wires the roles between the contracts', async () => {
    const c = f.contracts;
    expect(await f.read('Staking', 'hasRole', [AccessRole.SLASHER, c.AttributionRegistry])).toBe(true);
    expect(await f.read('Staking', 'hasRole', [AccessRole.DISTRIBUTOR, c.RewardDistributor])).toBe(true);
    expect(await f.read('RewardDistributor', 'hasRole', [AccessRole.LEDGER, c.InferenceLedger])).toBe(true);
    expect(await f.read('RewardDistributor', 'hasRole', [AccessRole.SETTLER, c.AttributionRegistry])).toBe(
      true,
    );
    expect(await f.read('RewardDistributor', 'hasRole', [AccessRole.DEPOSITOR, c.Staking])).toBe(true);
    expect(
      await f.read('AttributionRegistry', 'hasRole', [AccessRole.POSTER, f.poster.account.address]),
    ).toBe(true);
    expect(
      await f.read('AttributionRegistry', 'hasRole', [AccessRole.ARBITER, f.arbiter.account.address]),
    ).toBe(true);
    expect(
      await f.read('AttributionRegistry', 'hasRole', [AccessRole.POSTER, f.arbiter.account.address]),
    ).toBe(false);
    expect(await f.read('Staking', 'rewardDistributor')).toBe(c.RewardDistributor);
    expect(await f.read('RewardDistributor', 'treasury')).toBe(c.Treasury);
    for (const n of ['Staking', 'RewardDistributor', 'AttributionRegistry', 'Treasury'] as const) {
      expect(await f.read(n, 'hasRole', [AccessRole.DEFAULT_ADMIN, c.Timelock]), n).toBe(true);
    }
    expect(await f.read('OpenGovernor', 'timelock')).toBe(c.Timelock);
    expect(await f.read('OpenGovernor', 'token')).toBe(c.Staking);
    const proposer = (await f.read('Timelock', 'PROPOSER_ROLE')) as `0x${string}`;
    expect(await f.read('Timelock', 'hasRole', [proposer, c.OpenGovernor])).toBe(true);
    expect(await f.read('Timelock', 'hasRole', [AccessRole.DEFAULT_ADMIN, c.Timelock])).toBe(true);
    expect(await f.read('Timelock', 'hasRole', [AccessRole.DEFAULT_ADMIN, f.gov.account.address])).toBe(
      false,
    );
  });
});
