import {
  buildWorld,
  type GovAction,
  GovernanceDriver,
  OPEN,
  ProtocolDriver,
  proposalCall,
} from '@ae/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { timelockOperationId } from '../src/governance/timelockOperationId.js';
import { AccessRole } from '../src/roles.js';

const PARAMS = { votingDelay: 10n, votingPeriod: 100n, timelockDelay: 50n, gracePeriod: 1_000n };
let f: ProtocolDriver;
let g: GovernanceDriver;
beforeAll(async () => {
  f = await ProtocolDriver.start({
    params: { ...PARAMS, proposalThreshold: 100n * OPEN },
    deployerKeepsAdmin: false,
  });
  g = new GovernanceDriver(f);
  await buildWorld(f);
  await f.write(f.staker, 'Staking', 'stake', [], 1_000n * OPEN);
  await f.write(f.staker, 'Staking', 'delegate', [f.staker.account.address]);
  await f.write(f.challenger, 'Staking', 'stake', [], 200n * OPEN);
  await f.write(f.challenger, 'Staking', 'delegate', [f.challenger.account.address]);
});
afterAll(async () => {
  await f?.stop();
});

const split = (p: number, o: number, pr: number, s: number, c: number) => ({
  protocolBps: p,
  modelOwnerBps: o,
  providerBps: pr,
  stakersBps: s,
  contributorsBps: c,
});
const setSplit = (s: ReturnType<typeof split>): GovAction[] => [
  { contract: 'RewardDistributor', functionName: 'setSplit', args: [s] },
];

describe('Governor lifecycle through the Timelock', () => {
  it('leaves no admin key: the deployer, an outsider and the Timelock caller all need a proposal', async () => {
    for (const c of ['Staking', 'RewardDistributor', 'AttributionRegistry', 'Treasury'] as const) {
      expect(await f.read(c, 'hasRole', [AccessRole.DEFAULT_ADMIN, f.contracts.Timelock]), c).toBe(true);
      expect(await f.read(c, 'hasRole', [AccessRole.DEFAULT_ADMIN, f.gov.account.address]), c).toBe(false);
    }
    expect(await f.revertName(f.gov, 'RewardDistributor', 'setSplit', [split(0, 0, 0, 0, 10000)])).toBe(
      'AccessControlUnauthorizedAccount',
    );
    expect(await f.revertName(f.gov, 'AttributionRegistry', 'setParameters', [60n, OPEN, OPEN])).toBe(
      'AccessControlUnauthorizedAccount',
    );
    expect(await f.revertName(f.gov, 'Staking', 'setMinimums', [0n, 0n, 0n])).toBe(
      'AccessControlUnauthorizedAccount',
    );
    const zero = `0x${'0'.repeat(64)}`;
    expect(
      await f.revertName(f.gov, 'Timelock', 'schedule', [f.contracts.Staking, 0n, '0x', zero, zero, 50n]),
    ).toBe('AccessControlUnauthorizedAccount');
  });

  it('refuses a proposer under the threshold', async () => {
    expect(
      await f.revertName(f.outsider, 'OpenGovernor', 'propose', [[f.contracts.Staking], [0n], ['0x'], 'x']),
    ).toBe('GovernorInsufficientProposerVotes');
  });

  it('runs pending → active → succeeded → queued → executed, honouring the timelock delay', async () => {
    const actions = setSplit(split(500, 2500, 1500, 1000, 4500));
    const description = 'fee split: contributors 40 % -> 45 %';
    const id = await g.propose('staker', actions, description);
    expect(await g.state(id)).toBe('Pending');
    expect(await f.revertName(f.staker, 'OpenGovernor', 'castVote', [id, 1])).toBe(
      'GovernorUnexpectedProposalState',
    );
    await g.toVoting(id);
    expect(await g.state(id)).toBe('Active');
    await g.vote('staker', id, 'for', 'contributors deserve more');
    await g.vote('challenger', id, 'against');
    expect(await f.revertName(f.staker, 'OpenGovernor', 'castVote', [id, 1])).toBe('GovernorAlreadyCastVote');
    await g.toDeadline(id);
    expect(await g.state(id)).toBe('Succeeded');
    await g.queue('outsider', actions, description);
    expect(await g.state(id)).toBe('Queued');
    const c0 = proposalCall(f, actions, description);
    const opId = timelockOperationId(
      f.contracts.OpenGovernor,
      c0.targets,
      c0.values,
      c0.calldatas,
      description,
    );
    expect(await f.read('Timelock', 'isOperationPending', [opId])).toBe(true);
    const c = g;
    expect(
      await f.revertName(f.outsider, 'OpenGovernor', 'execute', [...callOf(c, actions, description)]),
    ).toBe('TimelockUnexpectedOperationState');
    await g.toEta(id);
    await g.execute('outsider', actions, description);
    expect(await g.state(id)).toBe('Executed');
    expect(await f.read('RewardDistributor', 'split')).toEqual([500, 2500, 1500, 1000, 4500]);
  });

  it('defeats a proposal voted down and one that misses quorum', async () => {
    const down = await g.propose('staker', setSplit(split(0, 0, 0, 0, 10000)), 'all to contributors');
    await g.toVoting(down);
    await g.vote('staker', down, 'against');
    await g.vote('challenger', down, 'for');
    await g.toDeadline(down);
    expect(await g.state(down)).toBe('Defeated');
    const quiet = await g.propose('staker', setSplit(split(0, 0, 0, 0, 10000)), 'nobody cares');
    await g.toVoting(quiet);
    await g.toDeadline(quiet);
    expect(await g.state(quiet)).toBe('Defeated');
    expect(
      await f.read('OpenGovernor', 'quorum', [await f.read('OpenGovernor', 'proposalSnapshot', [quiet])]),
    ).toBe((1_360n * OPEN * 4n) / 100n);
  });

  it('lets the proposer cancel a pending proposal, and expires a queued one nobody executes', async () => {
    const actions = [
      { contract: 'AttributionRegistry' as const, functionName: 'setParameters', args: [60n, OPEN, OPEN] },
    ];
    const id = await g.propose('staker', actions, 'shorter window');
    const c = callOf(g, actions, 'shorter window');
    await f.write(f.staker, 'OpenGovernor', 'cancel', c);
    expect(await g.state(id)).toBe('Canceled');
    const late = await g.propose('staker', actions, 'shorter window, later');
    await g.toVoting(late);
    await g.vote('staker', late, 'for');
    await g.toDeadline(late);
    await g.queue('staker', actions, 'shorter window, later');
    await g.toEta(late);
    await f.increaseTime(PARAMS.gracePeriod + 1n);
    expect(await g.state(late)).toBe('Expired');
    const cl = callOf(g, actions, 'shorter window, later');
    expect(await f.revertName(f.staker, 'OpenGovernor', 'execute', cl)).toBe(
      'GovernorUnexpectedProposalState',
    );
    expect(await f.read('AttributionRegistry', 'challengeWindow')).toBe(3_600n);
  });
});

function callOf(d: GovernanceDriver, actions: GovAction[], description: string) {
  const c = proposalCall(d.f, actions, description);
  return [c.targets, c.values, c.calldatas, c.descriptionHash];
}
