import { buildWorld, FEE, h, OPEN, ProtocolDriver, posting, recordInference } from '@ae/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AttributionState, RewardRole } from '../src/enums.js';

const WINDOW = 3600n;
const ESCROW = (FEE * 4n) / 10n;
let f: ProtocolDriver;
beforeAll(async () => {
  f = await ProtocolDriver.start({
    params: { challengeWindow: WINDOW, minBond: OPEN, slashAmount: 30n * OPEN },
  });
  await buildWorld(f);
  for (let i = 0; i < 6; i++) await recordInference(f, `q${i}`); // inferences 1..6
});
afterAll(async () => {
  await f?.stop();
});

const post = (p: ReturnType<typeof posting>) =>
  f.write(f.poster, 'AttributionRegistry', 'postAttribution', [p]);
const postRevert = (p: ReturnType<typeof posting>, w = f.poster) =>
  f.revertName(w, 'AttributionRegistry', 'postAttribution', [p]);
const state = async (id: bigint) =>
  ((await f.read('AttributionRegistry', 'getAttribution', [id])) as unknown[])[3];

describe('AttributionRegistry postings', () => {
  it('takes postings from staked posters only', async () => {
    expect(await postRevert(posting(1n, [1n], [1]), f.outsider)).toBe('AccessControlUnauthorizedAccount');
    await f.write(f.gov, 'AttributionRegistry', 'grantRole', [
      await f.read('AttributionRegistry', 'POSTER_ROLE'),
      f.outsider.account.address,
    ]);
    expect(await postRevert(posting(1n, [1n], [1]), f.outsider)).toBe('InsufficientStake');
  });

  it('refuses unknown inferences, K > 64, weights over 1,000,000 ppm, bad contributions and mismatched arrays', async () => {
    expect(await postRevert(posting(0n, [1n], [1]))).toBe('UnknownInference');
    expect(await postRevert(posting(7n, [1n], [1]))).toBe('UnknownInference');
    const ids65 = Array.from({ length: 65 }, (_, i) => BigInt(i + 1));
    expect(
      await postRevert(
        posting(
          1n,
          ids65,
          ids65.map(() => 1),
        ),
      ),
    ).toBe('TooManyShares');
    expect(await postRevert(posting(1n, [1n, 2n], [600_000, 400_001]))).toBe('WeightsExceed');
    expect(await postRevert(posting(1n, [1n, 1n], [1, 1]))).toBe('DuplicateContribution');
    expect(await postRevert(posting(1n, [1n, 99n], [1, 1]))).toBe('UnknownContribution');
    expect(await postRevert({ ...posting(1n, [1n, 2n], [1, 1]), scores: [1n] })).toBe('LengthMismatch');
  });

  it('refuses pending contributions', async () => {
    await f.write(f.contributor, 'DatanetRegistry', 'submitContribution', [1n, h('pending'), 1n, 'MIT']); // id 6
    expect(await postRevert(posting(1n, [6n], [1]))).toBe('ContributionNotAccepted');
  });

  it('posts top-K shares (K = 64 allowed, weights summing to exactly 1,000,000) and announces each share', async () => {
    const hash = await post(posting(1n, [1n, 2n, 4n], [500_000, 300_000, 200_000], [3n, 2n, -1n]));
    const evs = await f.events(hash);
    expect(evs[0]).toMatchObject({
      eventName: 'AttributionPosted',
      args: {
        attributionId: 1n,
        inferenceId: 1n,
        poster: f.poster.account.address,
        method: 'knn-shapley@1',
        paramsHash: h('params'),
        resultHash: h('result-1'),
        resultURI: 'ipfs://result-1',
      },
    });
    expect(
      evs.slice(1).map((e) => [e.eventName, e.args.contributionId, e.args.weightPpm, e.args.score]),
    ).toEqual([
      ['AttributionShare', 1n, 500_000, 3n],
      ['AttributionShare', 2n, 300_000, 2n],
      ['AttributionShare', 4n, 200_000, -1n],
    ]);
    expect(await postRevert(posting(1n, [1n], [1]))).toBe('AlreadyAttributed');
  });

  it('accepts K = 64', async () => {
    const ids = Array.from({ length: 64 }, (_, i) => BigInt(100 + i));
    await f.write(f.contributor2, 'DatanetRegistry', 'submitContributions', [
      2n,
      ids.map((i) => h(`k${i}`)),
      ids.map(() => 1n),
      'MIT',
    ]);
    const accepted = ids.map((_, i) => BigInt(7 + i)); // ids 7..70 in the open datanet
    const hash = await post(
      posting(
        6n,
        accepted,
        accepted.map(() => 15_625),
      ),
    );
    expect((await f.events(hash)).filter((e) => e.eventName === 'AttributionShare')).toHaveLength(64);
  });
});

describe('AttributionRegistry challenge window and disputes', () => {
  it('does not settle before the window closes', async () => {
    expect(await f.revertName(f.outsider, 'AttributionRegistry', 'settle', [1n])).toBe('ChallengeWindowOpen');
    expect(await f.revertName(f.outsider, 'AttributionRegistry', 'settle', [99n])).toBe('UnknownAttribution');
  });

  it('takes one open dispute per attribution, with at least the minimum bond', async () => {
    await post(posting(2n, [1n], [1_000_000])); // attribution 3
    const args = [3n, h('evidence')];
    expect(
      await f.revertName(f.challenger, 'AttributionRegistry', 'disputeAttribution', args, OPEN - 1n),
    ).toBe('BondTooLow');
    expect(
      await f.revertName(f.challenger, 'AttributionRegistry', 'disputeAttribution', [99n, h('e')], OPEN),
    ).toBe('UnknownAttribution');
    const hash = await f.write(f.challenger, 'AttributionRegistry', 'disputeAttribution', args, 2n * OPEN);
    expect((await f.events(hash))[0]).toMatchObject({
      eventName: 'AttributionDisputed',
      args: {
        disputeId: 1n,
        attributionId: 3n,
        challenger: f.challenger.account.address,
        evidenceHash: h('evidence'),
        bond: 2n * OPEN,
      },
    });
    expect(await f.revertName(f.outsider, 'AttributionRegistry', 'disputeAttribution', args, OPEN)).toBe(
      'AlreadyDisputed',
    );
    expect(await state(3n)).toBe(AttributionState.DISPUTED);
  });

  it('lets only an arbiter resolve, once', async () => {
    expect(await f.revertName(f.outsider, 'AttributionRegistry', 'resolveDispute', [1n, true])).toBe(
      'AccessControlUnauthorizedAccount',
    );
    expect(await f.revertName(f.arbiter, 'AttributionRegistry', 'resolveDispute', [9n, true])).toBe(
      'UnknownDispute',
    );
  });

  it('upheld: slashes the poster, refunds the bond, pays the escrow to the protocol and nobody else', async () => {
    const posterStake = (await f.read('Staking', 'stakeOf', [f.poster.account.address])) as bigint;
    const challengerBefore = await f.balance(f.challenger.account.address);
    const protocolBefore = (await f.read('RewardDistributor', 'accrued', [f.contracts.Treasury])) as bigint;
    const hash = await f.write(f.arbiter, 'AttributionRegistry', 'resolveDispute', [1n, true]);
    const evs = await f.events(hash);
    expect(evs.map((e) => `${e.contract}.${e.eventName}`)).toEqual([
      'RewardDistributor.RewardAccrued', // the poster's staking rewards, realized before the stake shrinks
      'Staking.Slashed',
      'RewardDistributor.RewardAccrued', // slashed stake to the protocol
      'AttributionRegistry.DisputeResolved',
      'RewardDistributor.RewardAccrued', // forfeited escrow to the protocol
      'AttributionRegistry.AttributionSettled',
    ]);
    expect(evs[0].args).toMatchObject({ account: f.poster.account.address, role: RewardRole.STAKER });
    const stakerReward = evs[0].args.amount as bigint;
    expect(evs[1].args).toMatchObject({
      account: f.poster.account.address,
      amount: 30n * OPEN,
      by: f.contracts.AttributionRegistry,
    });
    expect(evs[3].args).toMatchObject({ disputeId: 1n, upheld: true, slashed: 30n * OPEN });
    expect(evs[4].args).toMatchObject({ inferenceId: 2n, role: RewardRole.PROTOCOL, amount: ESCROW });
    expect(evs[5].args).toMatchObject({ attributionId: 3n, paid: false, amount: ESCROW });
    expect(await f.read('RewardDistributor', 'accrued', [f.poster.account.address])).toBe(stakerReward);
    expect(await f.read('Staking', 'stakeOf', [f.poster.account.address])).toBe(posterStake - 30n * OPEN);
    expect(await f.balance(f.challenger.account.address)).toBe(challengerBefore + 2n * OPEN);
    expect(await f.read('RewardDistributor', 'accrued', [f.contracts.Treasury])).toBe(
      protocolBefore + 30n * OPEN + ESCROW,
    );
    expect(await f.read('RewardDistributor', 'escrow', [2n])).toBe(0n);
    expect(await state(3n)).toBe(AttributionState.UPHELD);
    expect(await f.revertName(f.arbiter, 'AttributionRegistry', 'resolveDispute', [1n, false])).toBe(
      'DisputeNotOpen',
    );
    expect(
      await f.revertName(f.outsider, 'AttributionRegistry', 'disputeAttribution', [3n, h('e')], OPEN),
    ).toBe('AttributionFinal');
  });

  it('rejected: the bond goes to the protocol and the attribution settles after the window', async () => {
    // the slashed poster is below the minimum stake until it tops up
    expect(await postRevert(posting(3n, [1n], [1]))).toBe('InsufficientStake');
    await f.write(f.poster, 'Staking', 'stake', [], 30n * OPEN);
    await post(posting(3n, [1n, 4n], [750_000, 250_000])); // attribution 4
    await f.write(f.challenger, 'AttributionRegistry', 'disputeAttribution', [4n, h('weak')], OPEN);
    expect(await f.revertName(f.outsider, 'AttributionRegistry', 'settle', [4n])).toBe('DisputeOpen');
    const hash = await f.write(f.arbiter, 'AttributionRegistry', 'resolveDispute', [2n, false]);
    const evs = await f.events(hash);
    expect(evs.map((e) => e.eventName)).toEqual(['DisputeResolved', 'RewardAccrued']);
    expect(evs[1].args).toMatchObject({
      account: f.contracts.Treasury,
      role: RewardRole.PROTOCOL,
      amount: OPEN,
    });
    expect(await state(4n)).toBe(AttributionState.POSTED);
  });

  it('settles after the window: contributors accrue their weight of the escrow, the rest to the protocol', async () => {
    await post(posting(4n, [2n], [1_000_000])); // attribution 5
    await post(posting(5n, [5n], [1_000_000])); // attribution 6, settled in a batch below
    await f.increaseTime(WINDOW);
    expect(
      await f.revertName(f.challenger, 'AttributionRegistry', 'disputeAttribution', [5n, h('late')], OPEN),
    ).toBe('ChallengeWindowClosed');
    const hash = await f.write(f.outsider, 'AttributionRegistry', 'settle', [1n]);
    const evs = await f.events(hash);
    expect(evs.map((e) => [e.eventName, e.args.account, e.args.role, e.args.amount])).toEqual([
      ['RewardAccrued', f.contributor.account.address, RewardRole.CONTRIBUTOR, ESCROW / 2n],
      ['RewardAccrued', f.contributor.account.address, RewardRole.CONTRIBUTOR, (ESCROW * 3n) / 10n],
      ['RewardAccrued', f.contributor2.account.address, RewardRole.CONTRIBUTOR, ESCROW / 5n],
      ['AttributionSettled', undefined, undefined, ESCROW],
    ]);
    expect(evs[3].args).toMatchObject({ attributionId: 1n, paid: true });
    expect(await f.revertName(f.outsider, 'AttributionRegistry', 'settle', [1n])).toBe('AttributionFinal');
    expect(await f.revertName(f.outsider, 'AttributionRegistry', 'settle', [3n])).toBe('AttributionFinal');
  });

  it('settles many at once', async () => {
    const hash = await f.write(f.outsider, 'AttributionRegistry', 'settleMany', [[2n, 4n, 5n, 6n]]);
    const evs = await f.events(hash);
    const settled = evs.filter((e) => e.eventName === 'AttributionSettled');
    expect(settled.map((e) => e.args.attributionId)).toEqual([2n, 4n, 5n, 6n]);
    expect(settled.every((e) => e.args.paid === true && e.args.amount === ESCROW)).toBe(true);
    // attribution 2: 64 shares of 15,625 ppm add up to the whole escrow, nothing left for the protocol
    const first = evs.slice(0, evs.indexOf(settled[0]));
    expect(first).toHaveLength(64);
    expect(first.every((e) => e.args.role === RewardRole.CONTRIBUTOR && e.args.amount === ESCROW / 64n)).toBe(
      true,
    );
    expect(await state(6n)).toBe(AttributionState.SETTLED);
    expect(await f.revertName(f.outsider, 'AttributionRegistry', 'settleMany', [[]])).toBe('EmptyBatch');
  });

  it('posts in batches; the weight not attributed goes to the protocol', async () => {
    await recordInference(f, 'q7');
    await recordInference(f, 'q8');
    expect(await f.revertName(f.poster, 'AttributionRegistry', 'postAttributions', [[]])).toBe('EmptyBatch');
    const batch = [posting(7n, [1n], [400_000]), posting(8n, [2n, 3n], [10, 20])];
    const hash = await f.write(f.poster, 'AttributionRegistry', 'postAttributions', [batch]);
    const posted = (await f.events(hash)).filter((e) => e.eventName === 'AttributionPosted');
    expect(posted.map((e) => [e.args.attributionId, e.args.inferenceId])).toEqual([
      [7n, 7n],
      [8n, 8n],
    ]);
    await f.increaseTime(WINDOW);
    const evs = await f.events(await f.write(f.outsider, 'AttributionRegistry', 'settle', [7n]));
    expect(evs.map((e) => [e.args.account, e.args.role, e.args.amount])).toEqual([
      [f.contributor.account.address, RewardRole.CONTRIBUTOR, (ESCROW * 4n) / 10n],
      [f.contracts.Treasury, RewardRole.PROTOCOL, (ESCROW * 6n) / 10n],
      [undefined, undefined, ESCROW],
    ]);
  });

  it('settleMany settles what is due and skips the rest: under dispute, final, window still open', async () => {
    for (const q of ['q9', 'q10', 'q11']) await recordInference(f, q); // inferences 9..11
    await post(posting(9n, [1n], [1_000_000])); // attribution 9, disputed below
    await post(posting(10n, [2n], [1_000_000])); // attribution 10, due
    await f.write(f.challenger, 'AttributionRegistry', 'disputeAttribution', [9n, h('skip')], OPEN);
    await f.increaseTime(WINDOW);
    await post(posting(11n, [4n], [1_000_000])); // attribution 11, window open
    const batch = [9n, 10n, 11n, 7n, 3n]; // 7 settled and 3 upheld already: final
    const evs = await f.events(await f.write(f.outsider, 'AttributionRegistry', 'settleMany', [batch]));
    const settled = evs.filter((e) => e.eventName === 'AttributionSettled').map((e) => e.args.attributionId);
    expect(settled).toEqual([10n]);
    expect(await state(9n)).toBe(AttributionState.DISPUTED);
    expect(await state(11n)).toBe(AttributionState.POSTED);
    // the dispute rejected, 9 is due again and the next batch settles it
    await f.write(f.arbiter, 'AttributionRegistry', 'resolveDispute', [3n, false]);
    const again = await f.events(await f.write(f.outsider, 'AttributionRegistry', 'settleMany', [batch]));
    expect(
      again
        .filter((e) => e.eventName === 'AttributionSettled')
        .map((e) => [e.args.attributionId, e.args.paid]),
    ).toEqual([[9n, true]]);
    expect(await f.revertName(f.outsider, 'AttributionRegistry', 'settleMany', [[99n]])).toBe(
      'UnknownAttribution',
    );
  });

  it('lets only governance change the window, bond and slash amount', async () => {
    expect(await f.revertName(f.outsider, 'AttributionRegistry', 'setParameters', [1n, 1n, 1n])).toBe(
      'AccessControlUnauthorizedAccount',
    );
    await f.write(f.gov, 'AttributionRegistry', 'setParameters', [60n, 2n, 3n]);
    expect(await f.read('AttributionRegistry', 'challengeWindow')).toBe(60n);
  });
});
