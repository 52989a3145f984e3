import { buildWorld, OPEN, ProtocolDriver, recordInference } from '@ae/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RewardRole } from '../src/enums.js';
import { AccessRole } from '../src/roles.js';

let f: ProtocolDriver;
beforeAll(async () => {
  f = await ProtocolDriver.start({ params: { unstakeCooldown: 1000n } });
});
afterAll(async () => {
  await f?.stop();
});

describe('Staking', () => {
  it('stakes native value and announces the new total', async () => {
    const hash = await f.write(f.staker, 'Staking', 'stake', [], 40n * OPEN);
    const [ev] = await f.events(hash);
    expect(ev).toMatchObject({
      contract: 'Staking',
      eventName: 'Staked',
      args: { account: f.staker.account.address, amount: 40n * OPEN, totalStake: 40n * OPEN },
    });
    expect(await f.read('Staking', 'stakeOf', [f.staker.account.address])).toBe(40n * OPEN);
    expect(await f.balance(f.contracts.Staking)).toBe(40n * OPEN);
  });

  it('rejects a zero stake and an unstake above the stake', async () => {
    expect(await f.revertName(f.staker, 'Staking', 'stake', [], 0n)).toBe('ZeroAmount');
    expect(await f.revertName(f.staker, 'Staking', 'requestUnstake', [41n * OPEN])).toBe(
      'AmountExceedsStake',
    );
    expect(await f.revertName(f.outsider, 'Staking', 'withdraw', [])).toBe('NothingToWithdraw');
  });

  it('pays stakers their pro-rata share of fees as STAKER rewards', async () => {
    await buildWorld(f); // contributor 10, provider 50, poster 100 stake beside the staker's 40 => 200 in all
    const total = (await f.read('Staking', 'totalStaked')) as bigint;
    expect(total).toBe(200n * OPEN);
    await recordInference(f);
    const stakersPart = (OPEN * 1000n) / 10_000n; // default split: 10 % to stakers
    const owed = (await f.read('Staking', 'pendingReward', [f.staker.account.address])) as bigint;
    expect(owed).toBe((stakersPart * 40n) / 200n);
    const hash = await f.write(f.staker, 'Staking', 'harvest', []);
    const accrued = (await f.events(hash)).find((e) => e.eventName === 'RewardAccrued');
    expect(accrued?.args).toMatchObject({
      account: f.staker.account.address,
      role: RewardRole.STAKER,
      amount: owed,
    });
    expect(await f.read('Staking', 'pendingReward', [f.staker.account.address])).toBe(0n);
    expect(await f.read('RewardDistributor', 'accrued', [f.staker.account.address])).toBe(owed);
  });

  it('unstakes only after the cooldown and pays the value back', async () => {
    const hash = await f.write(f.staker, 'Staking', 'requestUnstake', [15n * OPEN]);
    const ev = (await f.events(hash)).find((e) => e.eventName === 'UnstakeRequested');
    expect(ev?.args.amount).toBe(15n * OPEN);
    expect(await f.read('Staking', 'stakeOf', [f.staker.account.address])).toBe(25n * OPEN);
    expect(await f.revertName(f.staker, 'Staking', 'withdraw', [])).toBe('CooldownNotOver');
    await f.increaseTime(1000);
    const before = await f.balance(f.staker.account.address);
    const w = await f.write(f.staker, 'Staking', 'withdraw', []);
    const receipt = await f.pub.getTransactionReceipt({ hash: w });
    const gas = receipt.gasUsed * receipt.effectiveGasPrice;
    expect(await f.balance(f.staker.account.address)).toBe(before + 15n * OPEN - gas);
    expect((await f.events(w)).map((e) => e.eventName)).toEqual(['Unstaked']);
  });

  it('lets only the slasher slash, only the distributor distribute, only governance set minimums', async () => {
    const who = f.outsider;
    expect(await f.revertName(who, 'Staking', 'slash', [f.staker.account.address, OPEN, 'x'])).toBe(
      'AccessControlUnauthorizedAccount',
    );
    expect(await f.revertName(who, 'Staking', 'distribute', [], OPEN)).toBe(
      'AccessControlUnauthorizedAccount',
    );
    expect(await f.revertName(who, 'Staking', 'setMinimums', [0n, 0n, 0n])).toBe(
      'AccessControlUnauthorizedAccount',
    );
    expect(await f.revertName(f.gov, 'Staking', 'setRewardDistributor', [who.account.address])).toBe(
      'DistributorAlreadySet',
    );
  });

  it('slashes the active stake first, then the pending unstake, so unstaking does not dodge a slash', async () => {
    const victim = f.contributor2;
    await f.write(f.outsider, 'Staking', 'stakeFor', [victim.account.address], 10n * OPEN); // anyone may stake for anyone
    await f.write(victim, 'Staking', 'requestUnstake', [6n * OPEN]);
    await f.write(f.gov, 'Staking', 'grantRole', [AccessRole.SLASHER, f.gov.account.address]);
    const protocolBefore = (await f.read('RewardDistributor', 'accrued', [f.contracts.Treasury])) as bigint;
    const hash = await f.write(f.gov, 'Staking', 'slash', [victim.account.address, 7n * OPEN, 'test']);
    const evs = await f.events(hash);
    expect(evs[0]).toMatchObject({
      eventName: 'Slashed',
      args: { account: victim.account.address, amount: 7n * OPEN, reason: 'test', by: f.gov.account.address },
    });
    expect(evs[1]).toMatchObject({
      eventName: 'RewardAccrued',
      args: { role: RewardRole.PROTOCOL, amount: 7n * OPEN },
    });
    expect(await f.read('Staking', 'stakeOf', [victim.account.address])).toBe(0n);
    expect(((await f.read('Staking', 'pendingUnstake', [victim.account.address])) as bigint[])[0]).toBe(
      3n * OPEN,
    );
    expect(await f.read('RewardDistributor', 'accrued', [f.contracts.Treasury])).toBe(
      protocolBefore + 7n * OPEN,
    );
    // a slash is capped by what is there
    const capped = await f.events(
      await f.write(f.gov, 'Staking', 'slash', [victim.account.address, 100n * OPEN, 'again']),
    );
    expect(capped[0].args.amount).toBe(3n * OPEN);
  });

  it('lets governance change the minimums', async () => {
    const hash = await f.write(f.gov, 'Staking', 'setMinimums', [7n, 8n, 9n]);
    expect((await f.events(hash)).filter((e) => e.eventName === 'ParameterChanged')).toHaveLength(3);
    expect(await f.read('Staking', 'minPosterStake')).toBe(7n);
    expect(await f.read('Staking', 'minProviderStake')).toBe(8n);
    expect(await f.read('Staking', 'unstakeCooldown')).toBe(9n);
  });
});
