import { h, OPEN, ProtocolDriver } from '@ae/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ComputeKind } from '../src/enums.js';

let f: ProtocolDriver;
beforeAll(async () => {
  f = await ProtocolDriver.start({ params: { minProviderStake: 50n * OPEN } });
});
afterAll(async () => {
  await f?.stop();
});

describe('ComputeRegistry', () => {
  it('refuses a provider below the minimum stake', async () => {
    expect(
      await f.revertName(f.provider, 'ComputeRegistry', 'registerProvider', ['https://p'], 49n * OPEN),
    ).toBe('InsufficientStake');
  });

  it('registers a provider by staking the attached value', async () => {
    const hash = await f.write(f.provider, 'ComputeRegistry', 'registerProvider', ['https://p'], 50n * OPEN);
    const evs = await f.events(hash);
    expect(evs.map((e) => `${e.contract}.${e.eventName}`)).toEqual([
      'Staking.Staked',
      'ComputeRegistry.ProviderRegistered',
    ]);
    expect(evs[1].args).toMatchObject({
      provider: f.provider.account.address,
      endpointURI: 'https://p',
      stake: 50n * OPEN,
    });
    expect(await f.read('Staking', 'stakeOf', [f.provider.account.address])).toBe(50n * OPEN);
    expect(await f.read('ComputeRegistry', 'isProvider', [f.provider.account.address])).toBe(true);
    // updating the endpoint needs no new value once the stake is there
    await f.write(f.provider, 'ComputeRegistry', 'registerProvider', ['https://p2']);
    expect(await f.read('ComputeRegistry', 'endpointOf', [f.provider.account.address])).toBe('https://p2');
  });

  it('takes attestations from registered providers only, singly and in batches', async () => {
    expect(
      await f.revertName(f.outsider, 'ComputeRegistry', 'attest', [1n, ComputeKind.TRAIN, h('t'), h('r')]),
    ).toBe('NotProvider');
    expect(await f.revertName(f.provider, 'ComputeRegistry', 'attest', [1n, 4, h('t'), h('r')])).toBe(
      'InvalidKind',
    );
    const hash = await f.write(f.provider, 'ComputeRegistry', 'attest', [
      1n,
      ComputeKind.TRAIN,
      h('t'),
      h('r'),
    ]);
    expect((await f.events(hash))[0]).toMatchObject({
      eventName: 'ComputeAttested',
      args: {
        provider: f.provider.account.address,
        taskId: 1n,
        kind: ComputeKind.TRAIN,
        taskHash: h('t'),
        resultHash: h('r'),
      },
    });
    const batch = [
      [2n, 3n],
      [ComputeKind.INFER, ComputeKind.REPLAY],
      [h('a'), h('b')],
      [h('ra'), h('rb')],
    ];
    const b = await f.write(f.provider, 'ComputeRegistry', 'attestBatch', batch);
    expect((await f.events(b)).map((e) => e.args.kind)).toEqual([ComputeKind.INFER, ComputeKind.REPLAY]);
    expect(
      await f.revertName(f.provider, 'ComputeRegistry', 'attestBatch', [[1n], [0, 1], [h('a')], [h('b')]]),
    ).toBe('LengthMismatch');
  });
});
