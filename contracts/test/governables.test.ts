import {
  buildWorld,
  FEE,
  type GovAction,
  GovernanceDriver,
  h,
  OPEN,
  ProtocolDriver,
  posting,
  recordInference,
} from '@ae/testkit';
import { zeroHash } from 'viem';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GENESIS_POA_METHODS } from '../src/governance/genesisMethods.js';
import { AccessRole } from '../src/roles.js';

// The three governables of issue 17 beyond parameters: PoA methods, curated-datanet approval and compute
// provider approval. One chain; the deployer renounced its admin roles, so only proposals change them.
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
  for (let i = 0; i < 4; i++) await recordInference(f, `q${i}`); // inferences 1..4
});
afterAll(async () => {
  await f?.stop();
});

const pass = (actions: GovAction[], description: string) =>
  g.pass('staker', ['staker'], actions, description);
const unauthorized = async (
  contract: 'AttributionRegistry' | 'DatanetRegistry' | 'ComputeRegistry',
  fn: string,
  args: unknown[],
) => {
  for (const who of [f.gov, f.staker, f.outsider])
    expect(await f.revertName(who, contract, fn, args), `${contract}.${fn}`).toBe(
      'AccessControlUnauthorizedAccount',
    );
};
/** A proposal that passes the vote but whose call reverts in the Timelock: it cannot execute. */
async function failsAtExecution(actions: GovAction[], description: string) {
  const id = await g.propose('staker', actions, description);
  await g.toVoting(id);
  await g.vote('staker', id, 'for');
  await g.toDeadline(id);
  await g.queue('staker', actions, description);
  await g.toEta(id);
  await expect(g.execute('staker', actions, description)).rejects.toThrow();
  expect(await g.state(id)).toBe('Queued');
}
const post = (p: ReturnType<typeof posting>) =>
  f.write(f.poster, 'AttributionRegistry', 'postAttribution', [p]);
const postRevert = (p: ReturnType<typeof posting>) =>
  f.revertName(f.poster, 'AttributionRegistry', 'postAttribution', [p]);

describe('governed PoA methods', () => {
  it('allows every genesis method with any parameters, and no other', async () => {
    for (const m of GENESIS_POA_METHODS) {
      expect(await f.read('AttributionRegistry', 'isMethodAllowed', [m]), m).toBe(true);
    }
    expect(await f.read('AttributionRegistry', 'isMethodAllowed', ['no-such-method@1'])).toBe(false);
    expect(await postRevert({ ...posting(1n, [1n], [1]), method: 'no-such-method@1' })).toBe(
      'MethodNotAllowed',
    );
  });

  it('only the Timelock changes a method; a proposal disallows one, pins another, and postings obey', async () => {
    for (const c of ['AttributionRegistry', 'DatanetRegistry', 'ComputeRegistry'] as const) {
      expect(await f.read(c, 'hasRole', [AccessRole.DEFAULT_ADMIN, f.contracts.Timelock]), c).toBe(true);
      expect(await f.read(c, 'hasRole', [AccessRole.DEFAULT_ADMIN, f.gov.account.address]), c).toBe(false);
    }
    await unauthorized('AttributionRegistry', 'setMethod', ['tracin-cp@1', false, zeroHash]);
    const pinned = h('canonical tracin');
    const id = await pass(
      [
        {
          contract: 'AttributionRegistry',
          functionName: 'setMethod',
          args: ['knn-shapley@1', false, zeroHash],
        },
        { contract: 'AttributionRegistry', functionName: 'setMethod', args: ['tracin-cp@1', true, pinned] },
      ],
      '# Retire knn-shapley@1, pin tracin-cp@1',
    );
    expect(await g.state(id)).toBe('Executed');
    expect(await f.read('AttributionRegistry', 'methodRules', [h('knn-shapley@1')])).toEqual([
      false,
      zeroHash,
    ]);
    expect(await f.read('AttributionRegistry', 'methodRules', [h('tracin-cp@1')])).toEqual([true, pinned]);
    // posting(...) is a knn-shapley@1 posting with paramsHash h('params')
    expect(await postRevert(posting(1n, [1n], [1]))).toBe('MethodNotAllowed');
    expect(await postRevert({ ...posting(1n, [1n], [1]), method: 'tracin-cp@1' })).toBe('NonCanonicalParams');
    await post({ ...posting(1n, [1n], [1]), method: 'tracin-cp@1', paramsHash: pinned });
    await post({ ...posting(2n, [1n], [1]), method: 'knn-shapley@2' }); // untouched: any parameters
    expect(await f.read('AttributionRegistry', 'attributionCount')).toBe(2n);
  });

  it('refuses an empty or overlong method id', async () => {
    const set = (m: string): GovAction[] => [
      { contract: 'AttributionRegistry', functionName: 'setMethod', args: [m, true, zeroHash] },
    ];
    await failsAtExecution(set('m'.repeat(65)), 'too long');
    await failsAtExecution(set(''), 'empty');
  });
});

describe('curated-datanet approval', () => {
  it('only a proposal approves a curated datanet; an open one cannot be approved', async () => {
    await unauthorized('DatanetRegistry', 'setApproval', [1n, true]);
    expect(await f.read('DatanetRegistry', 'approved', [1n])).toBe(false);
    const actions: GovAction[] = [
      { contract: 'DatanetRegistry', functionName: 'setApproval', args: [1n, true] },
    ];
    const id = await pass(actions, '# Approve datanet 1');
    expect(await g.state(id)).toBe('Executed');
    expect(await f.read('DatanetRegistry', 'approved', [1n])).toBe(true);
    // datanet 2 is open: its approval reverts inside the Timelock, so the proposal cannot execute
    const open: GovAction[] = [
      { contract: 'DatanetRegistry', functionName: 'setApproval', args: [2n, true] },
    ];
    await failsAtExecution(open, 'open datanet');
    expect(await f.read('DatanetRegistry', 'approved', [2n])).toBe(false);
  });
});

describe('compute-provider approval', () => {
  it('a registered provider serves only once a proposal approved it, and stops when it is withdrawn', async () => {
    const p = f.challenger; // not approved at deployment
    await f.write(p, 'ComputeRegistry', 'registerProvider', ['https://p2.example'], 50n * OPEN);
    expect(await f.read('ComputeRegistry', 'isRegistered', [p.account.address])).toBe(true);
    expect(await f.read('ComputeRegistry', 'isProvider', [p.account.address])).toBe(false);
    const serve = () =>
      f.revertName(
        f.user,
        'InferenceLedger',
        'recordInference',
        [1n, p.account.address, h('i'), h('o')],
        FEE,
      );
    expect(await serve()).toBe('UnknownProvider');
    // a registered provider attests without approval (its training claims); serving is what approval gates
    await f.write(p, 'ComputeRegistry', 'attest', [1n, 0, h('task'), h('result')]);
    await unauthorized('ComputeRegistry', 'setProviderApproval', [p.account.address, true]);
    const approve = (on: boolean): GovAction[] => [
      { contract: 'ComputeRegistry', functionName: 'setProviderApproval', args: [p.account.address, on] },
    ];
    await pass(approve(true), '# Approve provider 2');
    expect(await f.read('ComputeRegistry', 'isProvider', [p.account.address])).toBe(true);
    await f.write(f.user, 'InferenceLedger', 'recordInference', [1n, p.account.address, h('i'), h('o')], FEE);
    await pass(approve(false), '# Withdraw provider 2');
    expect(await serve()).toBe('UnknownProvider');
    // the provider approved at deployment still serves
    await recordInference(f, 'after');
  });
});
