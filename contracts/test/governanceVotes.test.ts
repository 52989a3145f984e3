import { type GovAction, GovernanceDriver, OPEN, ProtocolDriver } from '@ae/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

let f: ProtocolDriver;
let g: GovernanceDriver;
beforeAll(async () => {
  f = await ProtocolDriver.start({
    params: { votingDelay: 10n, votingPeriod: 100n, proposalThreshold: OPEN },
  });
  g = new GovernanceDriver(f);
});
afterAll(async () => {
  await f?.stop();
});

const noop: GovAction[] = [{ contract: 'Staking', functionName: 'setMinimums', args: [1n, 1n, 1n] }];
const votes = async (id: bigint, who: 'for' | 'against' | 'abstain') => {
  const [against, forVotes, abstain] = (await f.read('OpenGovernor', 'proposalVotes', [id])) as bigint[];
  return { against, for: forVotes, abstain }[who];
};

describe('Staking as IVotes (ERC-5805, timestamp clock)', () => {
  it('uses the timestamp clock and counts delegated active stake only', async () => {
    expect(await f.read('Staking', 'CLOCK_MODE')).toBe('mode=timestamp');
    const block = await f.pub.getBlock({ blockTag: 'latest' });
    expect(await f.read('Staking', 'clock')).toBe(Number(block.timestamp));
    await f.write(f.staker, 'Staking', 'stake', [], 100n * OPEN);
    expect(await f.read('Staking', 'getVotes', [f.staker.account.address])).toBe(0n);
    await f.write(f.staker, 'Staking', 'delegate', [f.staker.account.address]);
    expect(await f.read('Staking', 'getVotes', [f.staker.account.address])).toBe(100n * OPEN);
    await f.write(f.staker, 'Staking', 'requestUnstake', [40n * OPEN]);
    expect(await f.read('Staking', 'getVotes', [f.staker.account.address])).toBe(60n * OPEN);
  });

  it('weighs votes by stake at the snapshot: stake moved afterwards neither adds nor votes twice', async () => {
    const [a, b, c] = [f.contributor, f.contributor2, f.trainer];
    await f.write(a, 'Staking', 'stake', [], 30n * OPEN);
    await f.write(a, 'Staking', 'delegate', [b.account.address]);
    await f.write(b, 'Staking', 'stake', [], 20n * OPEN);
    await f.write(b, 'Staking', 'delegate', [b.account.address]);
    const id = await g.propose('staker', noop, 'snapshot test');
    await g.toVoting(id);
    // after the snapshot (the end of the voting delay): a new staker, a re-delegation, more stake, an unstake
    await f.write(c, 'Staking', 'stake', [], 500n * OPEN);
    await f.write(c, 'Staking', 'delegate', [c.account.address]);
    await f.write(a, 'Staking', 'delegate', [c.account.address]);
    await f.write(b, 'Staking', 'stake', [], 1_000n * OPEN);
    await f.write(b, 'Staking', 'requestUnstake', [1_020n * OPEN]);
    await g.vote(b, id, 'for', 'delegated power of a and b');
    await g.vote(c, id, 'against', 'staked after the snapshot');
    await g.vote(a, id, 'abstain');
    expect(await votes(id, 'for')).toBe(50n * OPEN);
    expect(await votes(id, 'against')).toBe(0n);
    expect(await votes(id, 'abstain')).toBe(0n);
    const snap = (await f.read('OpenGovernor', 'proposalSnapshot', [id])) as bigint;
    expect(await f.read('Staking', 'getPastTotalSupply', [snap])).toBe(110n * OPEN);
    expect(await f.read('Staking', 'getVotes', [c.account.address])).toBe(530n * OPEN);
  });

  it('takes slashed stake out of the votes', async () => {
    const before = (await f.read('Staking', 'getVotes', [f.staker.account.address])) as bigint;
    await f.write(f.gov, 'Staking', 'grantRole', [
      await f.read('Staking', 'SLASHER_ROLE'),
      f.gov.account.address,
    ]);
    await f.write(f.gov, 'Staking', 'slash', [f.staker.account.address, 10n * OPEN, 'test']);
    expect(await f.read('Staking', 'getVotes', [f.staker.account.address])).toBe(before - 10n * OPEN);
  });
});
