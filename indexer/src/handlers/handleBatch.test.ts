import { protocolArtifacts } from '@ae/contracts';
import { CONTRACT_NAMES, type ContractName } from '@ae/core';
import { createTestDatabase, type TestDatabase } from '@ae/testkit';

import { DataSource } from 'typeorm';
import { type Abi, encodeAbiParameters, encodeEventTopics } from 'viem';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dataSourceOptions } from '../db/dataSourceOptions.js';
import { IndexerStore } from '../db/indexerStore.js';
import { Contribution, Datanet, GlobalStat } from '../model/generated/index.js';
import { type BatchBlock, BatchHandler } from './handleBatch.js';

const contracts = Object.fromEntries(
  CONTRACT_NAMES.map((n, i) => [n, `0x${(i + 1).toString(16).padStart(40, '0')}`]),
) as Record<ContractName, string>;
const OWNER = `0x${'a'.repeat(40)}`;
const abi = protocolArtifacts.DatanetRegistry.abi as Abi;

function datanetCreated(id: bigint, logIndex: number) {
  return {
    address: contracts.DatanetRegistry,
    topics: encodeEventTopics({
      abi,
      eventName: 'DatanetCreated',
      args: { datanetId: id, owner: OWNER },
    }) as string[],
    data: encodeAbiParameters(
      [{ type: 'string' }, { type: 'string' }, { type: 'bool' }, { type: 'uint256' }],
      ['d', 'ipfs://d', false, 0n],
    ),
    logIndex,
    transactionHash: `0x${'1'.repeat(64)}`,
  };
}

function contributionSubmitted(id: bigint, datanetId: bigint, logIndex: number) {
  return {
    address: contracts.DatanetRegistry,
    topics: encodeEventTopics({
      abi,
      eventName: 'ContributionSubmitted',
      args: { contributionId: id, datanetId, contributor: OWNER },
    }) as string[],
    data: encodeAbiParameters(
      [{ type: 'bytes32' }, { type: 'uint64' }, { type: 'string' }],
      [`0x${'2'.repeat(64)}`, 10n, 'MIT'],
    ),
    logIndex,
    transactionHash: `0x${'1'.repeat(64)}`,
  };
}

let tdb: TestDatabase;
let ds: DataSource;
const warnings: unknown[] = [];

beforeAll(async () => {
  tdb = await createTestDatabase({ prefix: 'handle_batch' });
  ds = new DataSource(dataSourceOptions(tdb.url));
  await ds.initialize();
});
afterAll(async () => {
  await ds?.destroy();
  await tdb?.drop();
});

describe('BatchHandler', () => {
  it('skips and counts malformed events, logging block and tx, and keeps the rest of the batch', async () => {
    const handler = new BatchHandler({ contracts }, ds, { warn: (o) => warnings.push(o) });
    const truncated = { ...datanetCreated(2n, 1), data: '0x00' };
    const blocks: BatchBlock[] = [
      {
        header: { height: 10, hash: `0x${'b'.repeat(64)}`, timestamp: 1_700_000_000_000 },
        logs: [
          datanetCreated(1n, 0),
          truncated,
          contributionSubmitted(1n, 1n, 2),
          contributionSubmitted(2n, 99n, 3),
        ],
      },
    ];
    const r = await ds.transaction((em) => handler.handle(new IndexerStore(em), blocks));
    expect(r.events).toBe(4);
    expect(r.malformed).toBe(2);
    expect(warnings).toHaveLength(2);
    expect(warnings[0]).toMatchObject({ block: 10, tx: `0x${'1'.repeat(64)}`, logIndex: 1 });
    expect(warnings[1]).toMatchObject({ reason: 'unknown datanet 99' });
    expect(await ds.manager.count(Datanet)).toBe(1);
    expect(await ds.manager.count(Contribution)).toBe(1);
    const g = await ds.manager.findOneByOrFail(GlobalStat, { id: 'global' });
    expect(g.malformedEvents).toBe(2);
    expect(g.events).toBe(4);
    const dn = await ds.manager.findOneByOrFail(Datanet, { id: '1' });
    expect(dn.contributionCount).toBe(1);
    expect(dn.acceptedCount).toBe(1);
  });

  it('keeps relations when a later batch only updates counters of stored rows', async () => {
    const handler = new BatchHandler({ contracts }, ds, { warn: () => {} });
    const blocks: BatchBlock[] = [
      {
        header: { height: 11, hash: `0x${'c'.repeat(64)}`, timestamp: 1_700_000_100_000 },
        logs: [contributionSubmitted(3n, 1n, 0)],
      },
    ];
    await ds.transaction((em) => handler.handle(new IndexerStore(em), blocks));
    const dn = await ds.manager.findOneOrFail(Datanet, { where: { id: '1' }, relations: { owner: true } });
    expect(dn.contributionCount).toBe(2);
    expect(dn.owner.id).toBe(OWNER);
  });

  it('reads what the last committed batch wrote from memory, and trusts none of it after a failed transaction', async () => {
    const handler = new BatchHandler({ contracts }, ds, { warn: () => {} });
    const batch = (height: number, contribution: bigint): BatchBlock[] => [
      {
        header: {
          height,
          hash: `0x${height.toString(16).padStart(64, '0')}`,
          timestamp: 1_700_000_200_000 + height,
        },
        logs: [contributionSubmitted(contribution, 7n, 0)],
      },
    ];
    const count = async () => (await ds.manager.findOneByOrFail(Datanet, { id: '7' })).contributionCount;
    await ds.transaction((em) =>
      new BatchHandler({ contracts }, ds, { warn: () => {} }).handle(new IndexerStore(em), [
        {
          header: { height: 19, hash: `0x${'d'.repeat(64)}`, timestamp: 1_700_000_200_000 },
          logs: [datanetCreated(7n, 0)],
        },
      ]),
    );
    const before = await count();
    const first = await ds.transaction((em) => handler.handle(new IndexerStore(em), batch(20, 4n)));
    expect(first.stats.bulkRows).toBeGreaterThan(0); // a new handler remembers nothing: the datanet is read
    // the next batch's transaction fails after its handler ran (a failed commit): nothing of it stays
    await expect(
      ds.transaction(async (em) => {
        await handler.handle(new IndexerStore(em), batch(21, 5n));
        throw new Error('commit failed');
      }),
    ).rejects.toThrow('commit failed');
    expect(await count()).toBe(before + 1);
    // the retry does not start where the last completed batch ended: the rows it mutated are not reused
    const retry = await ds.transaction((em) => handler.handle(new IndexerStore(em), batch(21, 5n)));
    expect(retry.stats.bulkRows).toBeGreaterThan(0);
    expect(await count()).toBe(before + 2);
    // a batch that follows a committed one reads the datanet and its owner from memory, not the database
    const next = await ds.transaction((em) => handler.handle(new IndexerStore(em), batch(22, 6n)));
    expect(next.stats.bulkRows).toBe(0);
    expect(await count()).toBe(before + 3);
    expect(
      (await ds.manager.findOneOrFail(Contribution, { where: { id: '6' }, relations: { datanet: true } }))
        .datanet.id,
    ).toBe('7');
  });
});
