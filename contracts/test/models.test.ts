import { h, ProtocolDriver } from '@ae/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ModelKind } from '../src/enums.js';

let f: ProtocolDriver;
beforeAll(async () => {
  f = await ProtocolDriver.start();
  await f.write(f.curator, 'DatanetRegistry', 'createDatanet', ['d', '', false, 0n]);
  await f.write(f.contributor, 'DatanetRegistry', 'submitContribution', [1n, h('x'), 1n, 'MIT']);
  await f.write(f.curator, 'DatanetRegistry', 'publishVersion', [1n, h('root'), 1]);
});
afterAll(async () => {
  await f?.stop();
});

const register = (kind: number, base: bigint, name = 'm') => [
  name,
  kind,
  base,
  h(name),
  `ipfs://${name}`,
  h(`${name}-cfg`),
];

describe('ModelRegistry', () => {
  it('registers a base model and announces its lineage fields', async () => {
    const hash = await f.write(
      f.trainer,
      'ModelRegistry',
      'registerModel',
      register(ModelKind.BASE, 0n, 'base'),
    );
    expect((await f.events(hash))[0]).toMatchObject({
      eventName: 'ModelRegistered',
      args: {
        modelId: 1n,
        owner: f.trainer.account.address,
        name: 'base',
        kind: ModelKind.BASE,
        baseModelId: 0n,
        artifactHash: h('base'),
        artifactURI: 'ipfs://base',
        trainingConfigHash: h('base-cfg'),
      },
    });
  });

  it('requires an existing base for fine-tunes and adapters, and none for a base', async () => {
    const t = f.trainer;
    expect(await f.revertName(t, 'ModelRegistry', 'registerModel', register(ModelKind.FINETUNE, 0n))).toBe(
      'BaseModelRequired',
    );
    expect(await f.revertName(t, 'ModelRegistry', 'registerModel', register(ModelKind.ADAPTER, 42n))).toBe(
      'UnknownModel',
    );
    expect(await f.revertName(t, 'ModelRegistry', 'registerModel', register(ModelKind.BASE, 1n))).toBe(
      'BaseModelNotAllowed',
    );
    expect(await f.revertName(t, 'ModelRegistry', 'registerModel', register(3, 1n))).toBe('InvalidKind');
    // anyone may build on a published base: lineage crosses owners
    const hash = await f.write(
      f.outsider,
      'ModelRegistry',
      'registerModel',
      register(ModelKind.ADAPTER, 1n, 'ad'),
    );
    expect((await f.events(hash))[0].args).toMatchObject({
      modelId: 2n,
      kind: ModelKind.ADAPTER,
      baseModelId: 1n,
    });
  });

  it('records training on existing datanet versions only, by the owner', async () => {
    expect(await f.revertName(f.trainer, 'ModelRegistry', 'recordTrainedOn', [1n, 1n, 2])).toBe(
      'UnknownDatanetVersion',
    );
    expect(await f.revertName(f.trainer, 'ModelRegistry', 'recordTrainedOn', [1n, 5n, 1])).toBe(
      'UnknownDatanetVersion',
    );
    expect(await f.revertName(f.outsider, 'ModelRegistry', 'recordTrainedOn', [1n, 1n, 1])).toBe('NotOwner');
    expect(await f.revertName(f.trainer, 'ModelRegistry', 'recordTrainedOn', [9n, 1n, 1])).toBe(
      'UnknownModel',
    );
    const hash = await f.write(f.trainer, 'ModelRegistry', 'recordTrainedOn', [1n, 1n, 1]);
    expect((await f.events(hash))[0]).toMatchObject({
      eventName: 'ModelTrainedOn',
      args: { modelId: 1n, datanetId: 1n, version: 1 },
    });
  });

  it('posts checkpoints with strictly increasing steps', async () => {
    const lr = 10n ** 16n;
    const hash = await f.write(f.trainer, 'ModelRegistry', 'postCheckpoint', [1n, 10, h('ck10'), lr]);
    expect((await f.events(hash))[0]).toMatchObject({
      eventName: 'CheckpointPosted',
      args: { modelId: 1n, step: 10, checkpointHash: h('ck10'), learningRate: lr },
    });
    expect(await f.revertName(f.trainer, 'ModelRegistry', 'postCheckpoint', [1n, 10, h('again'), lr])).toBe(
      'StepNotIncreasing',
    );
    expect(await f.revertName(f.outsider, 'ModelRegistry', 'postCheckpoint', [1n, 11, h('x'), lr])).toBe(
      'NotOwner',
    );
    await f.write(f.trainer, 'ModelRegistry', 'postCheckpoint', [1n, 11, h('ck11'), lr]);
  });

  it('publishes with a fee, by the owner; unpublished models have no fee', async () => {
    expect(await f.revertName(f.outsider, 'ModelRegistry', 'publishedFee', [1n])).toBe('ModelNotPublished');
    expect(await f.revertName(f.outsider, 'ModelRegistry', 'publishModel', [1n, 5n])).toBe('NotOwner');
    const hash = await f.write(f.trainer, 'ModelRegistry', 'publishModel', [1n, 5n]);
    expect((await f.events(hash))[0]).toMatchObject({
      eventName: 'ModelPublished',
      args: { modelId: 1n, feePerInference: 5n },
    });
    expect(await f.read('ModelRegistry', 'publishedFee', [1n])).toEqual([f.trainer.account.address, 5n]);
  });
});
