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
});
