import { buildWorld, FEE, ProtocolDriver, recordInference } from '@ae/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RewardRole } from '../src/enums.js';

let f: ProtocolDriver;
beforeAll(async () => {
  f = await ProtocolDriver.start();
  await buildWorld(f);
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

describe('RewardDistributor', () => {
  it('refuses a claim of nothing', async () => {
    expect(await f.revertName(f.outsider, 'RewardDistributor', 'claim', [])).toBe('NothingToClaim');
  });

  it('pays accrued rewards on claim, once', async () => {
    await recordInference(f);
    const owed = (await f.read('RewardDistributor', 'accrued', [f.trainer.account.address])) as bigint;
    expect(owed).toBe((FEE * 3n) / 10n);
    const before = await f.balance(f.trainer.account.address);
    const hash = await f.write(f.trainer, 'RewardDistributor', 'claim', []);
    const r = await f.pub.getTransactionReceipt({ hash });
    expect(await f.balance(f.trainer.account.address)).toBe(before + owed - r.gasUsed * r.effectiveGasPrice);
    expect((await f.events(hash))[0]).toMatchObject({
      eventName: 'RewardClaimed',
      args: { account: f.trainer.account.address, amount: owed },
    });
    expect(await f.revertName(f.trainer, 'RewardDistributor', 'claim', [])).toBe('NothingToClaim');
  });

  it('lets governance change the split, which must sum to 10000 bps', async () => {
    expect(await f.revertName(f.gov, 'RewardDistributor', 'setSplit', [split(0, 0, 0, 0, 9999)])).toBe(
      'InvalidSplit',
    );
    expect(await f.revertName(f.outsider, 'RewardDistributor', 'setSplit', [split(0, 0, 0, 0, 10000)])).toBe(
      'AccessControlUnauthorizedAccount',
    );
    const hash = await f.write(f.gov, 'RewardDistributor', 'setSplit', [split(1000, 2000, 1000, 0, 6000)]);
    expect((await f.events(hash))[0]).toMatchObject({
      eventName: 'SplitParametersChanged',
      args: split(1000, 2000, 1000, 0, 6000),
    });
    const evs = await f.events(await recordInference(f, 'q2'));
    expect(evs[1].args).toMatchObject({
      protocol: FEE / 10n,
      modelOwner: FEE / 5n,
      stakers: 0n,
      contributors: (FEE * 6n) / 10n,
    });
  });

  it('sends the protocol share to a treasury that governance sets', async () => {
    await f.write(f.gov, 'RewardDistributor', 'setTreasury', [f.outsider.account.address]);
    const evs = await f.events(await recordInference(f, 'q3'));
    expect(evs[2].args).toMatchObject({
      account: f.outsider.account.address,
      role: RewardRole.PROTOCOL,
      amount: FEE / 10n,
    });
    expect(
      await f.revertName(f.gov, 'RewardDistributor', 'setTreasury', [
        '0x0000000000000000000000000000000000000000',
      ]),
    ).toBe('ZeroAddress');
  });

  it('guards escrow release, forfeits and deposits by role', async () => {
    const who = f.outsider;
    expect(await f.revertName(who, 'RewardDistributor', 'releaseEscrow', [1n, [], []])).toBe(
      'AccessControlUnauthorizedAccount',
    );
    expect(await f.revertName(who, 'RewardDistributor', 'forfeitEscrow', [1n])).toBe(
      'AccessControlUnauthorizedAccount',
    );
    expect(
      await f.revertName(
        who,
        'RewardDistributor',
        'deposit',
        [who.account.address, 0n, RewardRole.STAKER],
        1n,
      ),
    ).toBe('AccessControlUnauthorizedAccount');
    expect(await f.revertName(who, 'RewardDistributor', 'setTreasury', [who.account.address])).toBe(
      'AccessControlUnauthorizedAccount',
    );
  });
});
