import { buildWorld, FEE, GovernanceDriver, OPEN, ProtocolDriver, recordInference } from '@ae/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

let f: ProtocolDriver;
let g: GovernanceDriver;
beforeAll(async () => {
  f = await ProtocolDriver.start({
    params: { votingDelay: 10n, votingPeriod: 100n, timelockDelay: 50n, proposalThreshold: OPEN },
    deployerKeepsAdmin: false,
  });
  g = new GovernanceDriver(f);
  await buildWorld(f);
  await f.write(f.staker, 'Staking', 'stake', [], 1_000n * OPEN);
  await f.write(f.staker, 'Staking', 'delegate', [f.staker.account.address]);
});
afterAll(async () => {
  await f?.stop();
});

describe('Treasury', () => {
  it('receives the protocol share of fees and collects it from the RewardDistributor', async () => {
    expect(await f.read('RewardDistributor', 'treasury')).toBe(f.contracts.Treasury);
    for (const q of ['q1', 'q2', 'q3', 'q4']) await recordInference(f, q);
    const accrued = (await f.read('RewardDistributor', 'accrued', [f.contracts.Treasury])) as bigint;
    expect(accrued).toBeGreaterThanOrEqual((4n * FEE * 5n) / 100n);
    const hash = await f.write(f.outsider, 'Treasury', 'collect', []);
    expect((await f.events(hash)).map((e) => e.eventName)).toEqual(['RewardClaimed', 'Received']);
    expect(await f.balance(f.contracts.Treasury)).toBe(accrued);
    expect(await f.read('RewardDistributor', 'accrued', [f.contracts.Treasury])).toBe(0n);
  });

  it('pays a grant only through a passed proposal', async () => {
    const amount = (await f.balance(f.contracts.Treasury)) / 2n;
    const recipient = f.curator.account.address;
    const args = [recipient, amount, 1, 1n, 'grant to datanet 1'];
    for (const who of [f.gov, f.staker]) {
      expect(await f.revertName(who, 'Treasury', 'payGrant', args)).toBe('AccessControlUnauthorizedAccount');
    }
    const before = await f.balance(recipient);
    const actions = [{ contract: 'Treasury' as const, functionName: 'payGrant', args }];
    const id = await g.pass('staker', ['staker'], actions, 'Grant: spam datanet curation');
    expect(await g.state(id)).toBe('Executed');
    expect(await f.balance(recipient)).toBe(before + amount);
    expect(await f.read('Treasury', 'grantCount')).toBe(1n);
    const too = [
      { contract: 'Treasury' as const, functionName: 'payGrant', args: [recipient, 10n ** 30n, 2, 1n, 'x'] },
    ];
    const big = await g.propose('staker', too, 'too big');
    await g.toVoting(big);
    await g.vote('staker', big, 'for');
    await g.toDeadline(big);
    await g.queue('staker', too, 'too big');
    await g.toEta(big);
    await expect(g.execute('staker', too, 'too big')).rejects.toThrow();
    expect(await g.state(big)).toBe('Queued');
  });
});
