import { h, OPEN, ProtocolDriver } from '@ae/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ContributionStatus } from '../src/enums.js';

let f: ProtocolDriver;
beforeAll(async () => {
  f = await ProtocolDriver.start();
  await f.write(f.curator, 'DatanetRegistry', 'createDatanet', ['curated', 'ipfs://meta', true, 5n * OPEN]);
});
afterAll(async () => {
  await f?.stop();
});

const status = async (id: bigint) =>
  ((await f.read('DatanetRegistry', 'contributions', [id])) as unknown[])[2];

describe('DatanetRegistry', () => {
  it('creates datanets with increasing ids and announces them', async () => {
    const hash = await f.write(f.outsider, 'DatanetRegistry', 'createDatanet', [
      'open',
      'https://x',
      false,
      0n,
    ]);
    const [ev] = await f.events(hash);
    expect(ev).toMatchObject({
      eventName: 'DatanetCreated',
      args: { datanetId: 2n, owner: f.outsider.account.address, name: 'open', curated: false, minStake: 0n },
    });
  });

  it('lets only the owner add curators, once each', async () => {
    expect(
      await f.revertName(f.outsider, 'DatanetRegistry', 'addCurator', [1n, f.outsider.account.address]),
    ).toBe('NotOwner');
    const hash = await f.write(f.curator, 'DatanetRegistry', 'addCurator', [1n, f.curator.account.address]);
    expect((await f.events(hash))[0]).toMatchObject({ eventName: 'CuratorAdded', args: { datanetId: 1n } });
    expect(
      await f.revertName(f.curator, 'DatanetRegistry', 'addCurator', [1n, f.curator.account.address]),
    ).toBe('AlreadyCurator');
    expect(
      await f.revertName(f.curator, 'DatanetRegistry', 'addCurator', [9n, f.curator.account.address]),
    ).toBe('UnknownDatanet');
  });

  it('refuses contributions below the datanet minimum stake or to unknown datanets', async () => {
    const args = [1n, h('a'), 1n, 'MIT'];
    expect(await f.revertName(f.contributor, 'DatanetRegistry', 'submitContribution', args)).toBe(
      'InsufficientStake',
    );
    await f.write(f.contributor, 'Staking', 'stake', [], 4n * OPEN);
    expect(await f.revertName(f.contributor, 'DatanetRegistry', 'submitContribution', args)).toBe(
      'InsufficientStake',
    );
    await f.write(f.contributor, 'Staking', 'stake', [], OPEN);
    expect(
      await f.revertName(f.contributor, 'DatanetRegistry', 'submitContribution', [7n, h('a'), 1n, 'MIT']),
    ).toBe('UnknownDatanet');
  });

  it('keeps curated contributions pending until a curator of that datanet reviews them', async () => {
    const hash = await f.write(f.contributor, 'DatanetRegistry', 'submitContribution', [
      1n,
      h('a'),
      123n,
      'MIT',
    ]);
    expect((await f.events(hash))[0]).toMatchObject({
      eventName: 'ContributionSubmitted',
      args: {
        contributionId: 1n,
        datanetId: 1n,
        contributor: f.contributor.account.address,
        size: 123n,
        license: 'MIT',
      },
    });
    expect(await status(1n)).toBe(ContributionStatus.PENDING);
    expect(await f.revertName(f.outsider, 'DatanetRegistry', 'acceptedContributor', [1n])).toBe(
      'ContributionNotAccepted',
    );
    // the owner of datanet 2 is not a curator of datanet 1
    expect(await f.revertName(f.outsider, 'DatanetRegistry', 'reviewContribution', [1n, true])).toBe(
      'NotCurator',
    );
    const r = await f.write(f.curator, 'DatanetRegistry', 'reviewContribution', [1n, true]);
    expect((await f.events(r))[0]).toMatchObject({
      eventName: 'ContributionReviewed',
      args: { contributionId: 1n, curator: f.curator.account.address, accepted: true },
    });
    expect(await f.read('DatanetRegistry', 'acceptedContributor', [1n])).toBe(f.contributor.account.address);
    expect(await f.revertName(f.curator, 'DatanetRegistry', 'reviewContribution', [1n, false])).toBe(
      'AlreadyReviewed',
    );
    expect(await f.revertName(f.curator, 'DatanetRegistry', 'reviewContribution', [99n, false])).toBe(
      'UnknownContribution',
    );
  });

  it('submits and reviews in batches', async () => {
    const hashes = [h('b1'), h('b2'), h('b3')];
    expect(
      await f.revertName(f.contributor, 'DatanetRegistry', 'submitContributions', [1n, hashes, [1n], 'MIT']),
    ).toBe('LengthMismatch');
    expect(
      await f.revertName(f.contributor, 'DatanetRegistry', 'submitContributions', [1n, [], [], 'MIT']),
    ).toBe('EmptyBatch');
    const hash = await f.write(f.contributor, 'DatanetRegistry', 'submitContributions', [
      1n,
      hashes,
      [1n, 2n, 3n],
      'MIT',
    ]);
    const evs = await f.events(hash);
    expect(evs.map((e) => e.args.contributionId)).toEqual([2n, 3n, 4n]);
    const r = await f.write(f.curator, 'DatanetRegistry', 'reviewContributions', [
      [2n, 3n, 4n],
      [true, false, true],
    ]);
    expect((await f.events(r)).map((e) => e.args.accepted)).toEqual([true, false, true]);
    expect(await status(3n)).toBe(ContributionStatus.REJECTED);
  });

  it('accepts contributions to an open datanet at once', async () => {
    await f.write(f.contributor2, 'DatanetRegistry', 'submitContribution', [2n, h('o'), 1n, 'MIT']);
    expect(await status(5n)).toBe(ContributionStatus.ACCEPTED);
    expect(await f.read('DatanetRegistry', 'acceptedContributor', [5n])).toBe(f.contributor2.account.address);
  });

  it('publishes versions by the owner, covering at most the submitted contributions', async () => {
    expect(await f.revertName(f.outsider, 'DatanetRegistry', 'publishVersion', [1n, h('r'), 1])).toBe(
      'NotOwner',
    );
    expect(await f.revertName(f.curator, 'DatanetRegistry', 'publishVersion', [1n, h('r'), 5])).toBe(
      'CountExceedsSubmitted',
    );
    const hash = await f.write(f.curator, 'DatanetRegistry', 'publishVersion', [1n, h('r'), 4]);
    expect((await f.events(hash))[0]).toMatchObject({
      eventName: 'DatanetVersionPublished',
      args: { datanetId: 1n, version: 1, merkleRoot: h('r'), contributionCount: 4 },
    });
    expect(await f.read('DatanetRegistry', 'versionExists', [1n, 1])).toBe(true);
    expect(await f.read('DatanetRegistry', 'versionExists', [1n, 2])).toBe(false);
    expect(await f.read('DatanetRegistry', 'versionRoot', [1n, 1])).toBe(h('r'));
  });
});
