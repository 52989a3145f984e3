import { buildWorld, FEE, h, ProtocolDriver, recordInference } from '@ae/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RewardRole } from '../src/enums.js';
import * as squid from '../src/squid.js';

let f: ProtocolDriver;
beforeAll(async () => {
  f = await ProtocolDriver.start();
  await buildWorld(f);
  await f.write(f.trainer, 'ModelRegistry', 'registerModel', ['draft', 1, 1n, h('d'), '', h('dc')]);
});
afterAll(async () => {
  await f?.stop();
});

describe('InferenceLedger', () => {
  it('refuses unknown or unpublished models, unknown providers and a wrong fee', async () => {
    const p = f.provider.account.address;
    const call = (model: bigint, provider: `0x${string}`, value: bigint) =>
      f.revertName(f.user, 'InferenceLedger', 'recordInference', [model, provider, h('i'), h('o')], value);
    expect(await call(99n, p, FEE)).toBe('UnknownModel');
    expect(await call(2n, p, FEE)).toBe('ModelNotPublished');
    expect(await call(1n, f.outsider.account.address, FEE)).toBe('UnknownProvider');
    expect(await call(1n, p, FEE - 1n)).toBe('WrongFee');
    expect(await call(1n, p, FEE + 1n)).toBe('WrongFee');
  });

  it('records a paid inference and splits its fee at once, escrowing the contributors part', async () => {
    const hash = await recordInference(f);
    const evs = await f.events(hash);
    expect(evs.map((e) => e.eventName)).toEqual([
      'InferenceRecorded',
      'FeeSplit',
      'RewardAccrued',
      'RewardAccrued',
      'RewardAccrued',
    ]);
    expect(evs[0].args).toMatchObject({
      inferenceId: 1n,
      modelId: 1n,
      user: f.user.account.address,
      provider: f.provider.account.address,
      inputHash: h('q'),
      outputHash: h('q-out'),
      fee: FEE,
    });
    const split = evs[1].args as Record<string, bigint>;
    expect(split).toMatchObject({
      inferenceId: 1n,
      protocol: FEE / 20n,
      modelOwner: (FEE * 3n) / 10n,
      contributors: (FEE * 4n) / 10n,
    });
    expect(split.protocol + split.modelOwner + split.provider + split.stakers + split.contributors).toBe(FEE);
    expect(evs.slice(2).map((e) => [e.args.account, e.args.role])).toEqual([
      [f.contracts.Treasury, RewardRole.PROTOCOL],
      [f.trainer.account.address, RewardRole.MODEL_OWNER],
      [f.provider.account.address, RewardRole.PROVIDER],
    ]);
    expect(await f.read('RewardDistributor', 'escrow', [1n])).toBe(split.contributors);
    expect(await f.read('InferenceLedger', 'inferenceCount')).toBe(1n);
  });

  it('records a batch whose value is the sum of the fees', async () => {
    const p = f.provider.account.address;
    const args = [
      [1n, 1n, 1n],
      [p, p, p],
      [h('a'), h('b'), h('c')],
      [h('x'), h('y'), h('z')],
    ];
    expect(await f.revertName(f.user, 'InferenceLedger', 'recordInferences', args, 2n * FEE)).toBe(
      'WrongFee',
    );
    expect(await f.revertName(f.user, 'InferenceLedger', 'recordInferences', args, 4n * FEE)).toBe(
      'WrongFee',
    );
    expect(
      await f.revertName(
        f.user,
        'InferenceLedger',
        'recordInferences',
        [[1n], [p, p], [h('a')], [h('x')]],
        FEE,
      ),
    ).toBe('LengthMismatch');
    const hash = await f.write(f.user, 'InferenceLedger', 'recordInferences', args, 3n * FEE);
    const recorded = (await f.events(hash)).filter((e) => e.eventName === 'InferenceRecorded');
    expect(recorded.map((e) => e.args.inferenceId)).toEqual([2n, 3n, 4n]);
    expect(await f.balance(f.contracts.InferenceLedger)).toBe(0n);
  });

  it('emits logs that the generated squid decoders read back', async () => {
    const receipt = await f.pub.getTransactionReceipt({ hash: await recordInference(f, 'squid') });
    const { InferenceRecorded } = squid.InferenceLedger.events;
    const { FeeSplit, RewardAccrued } = squid.RewardDistributor.events;
    const recorded = receipt.logs
      .filter((l) => InferenceRecorded.is(l))
      .map((l) => InferenceRecorded.decode(l));
    expect(recorded).toEqual([
      {
        inferenceId: 5n,
        modelId: 1n,
        user: f.user.account.address.toLowerCase(),
        provider: f.provider.account.address.toLowerCase(),
        inputHash: h('squid'),
        outputHash: h('squid-out'),
        fee: FEE,
      },
    ]);
    const split = FeeSplit.decode(receipt.logs.find((l) => FeeSplit.is(l))!);
    const accrued = receipt.logs.filter((l) => RewardAccrued.is(l)).map((l) => RewardAccrued.decode(l));
    expect(split.inferenceId).toBe(5n);
    expect(accrued.reduce((s, a) => s + a.amount, 0n) + split.stakers + split.contributors).toBe(FEE);
    expect(accrued.map((a) => a.role)).toEqual([
      RewardRole.PROTOCOL,
      RewardRole.MODEL_OWNER,
      RewardRole.PROVIDER,
    ]);
  });

  it('lets only the ledger split fees', async () => {
    const args = [1n, f.outsider.account.address, f.outsider.account.address];
    expect(await f.revertName(f.outsider, 'RewardDistributor', 'splitFee', args, FEE)).toBe(
      'AccessControlUnauthorizedAccount',
    );
  });
});
