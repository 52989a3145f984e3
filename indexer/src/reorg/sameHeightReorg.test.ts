import { protocolArtifacts } from '@ae/contracts';
import { TABLE } from '@ae/core/tables';
import { type Anvil, startAnvil } from '@ae/devnet';
import {
  activityRound,
  createTestDatabase,
  ProtocolDriver,
  setupActivity,
  startIndexer,
  type TestDatabase,
} from '@ae/testkit';
import pg from 'pg';
import { type Abi, encodeFunctionData, type Hex } from 'viem';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stateFingerprint } from '../digest/stateFingerprint.js';

let anvil: Anvil;
let d: ProtocolDriver;
const dbs: TestDatabase[] = [];

async function db(): Promise<TestDatabase> {
  const x = await createTestDatabase({ prefix: 'same_height' });
  dbs.push(x);
  return x;
}

async function query<T>(url: string, sql: string): Promise<T[]> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return (await c.query(sql)).rows as T[];
  } finally {
    await c.end();
  }
}

/** A signed createDatanet from the curator with the given nonce (anvil_reorg replays it in the new block). */
async function createDatanetTx(name: string, nonce: number): Promise<Hex> {
  const data = encodeFunctionData({
    abi: protocolArtifacts.DatanetRegistry.abi as Abi,
    functionName: 'createDatanet',
    args: [name, `ipfs://${name}`, false, 0n],
  });
  const req = await d.curator.prepareTransactionRequest({
    to: d.contracts.DatanetRegistry,
    data,
    nonce,
    gas: 5_000_000n,
  } as never);
  return d.curator.signTransaction(req as never);
}

beforeAll(async () => {
  anvil = await startAnvil();
  d = await ProtocolDriver.start({ rpcUrl: anvil.rpcUrl, chainId: anvil.chainId });
  const w = await setupActivity(d);
  await activityRound(d, w, { n: 3 });
});

afterAll(async () => {
  for (const x of dbs) await x.drop();
  await anvil?.stop();
});

describe('a reorg that keeps the head height', () => {
  it('is rolled back and re-indexed with no new block, ending equal to a clean index of the new chain', async () => {
    const nonce = await d.pub.getTransactionCount({ address: d.address('curator') });
    await d.write(d.curator, 'DatanetRegistry', 'createDatanet', ['head-a', 'ipfs://head-a', false, 0n]);
    const head = await d.blockNumber();
    const live = await db();
    const ix = startIndexer({
      databaseUrl: live.url,
      rpcUrl: anvil.rpcUrl,
      deployment: d.deployment,
      finalityConfirmations: 20,
    });
    try {
      await ix.waitForHeight(head);
      expect(
        (await query<{ name: string }>(live.url, `SELECT name FROM ${TABLE.datanet}`)).map((r) => r.name),
      ).toContain('head-a');
      const before = await d.pub.getBlock({ blockNumber: BigInt(head) });
      // The head block replaced at the same height by one with other transactions (two datanets, other names).
      await d.rpc('anvil_reorg', [
        1,
        [
          [await createDatanetTx('head-b', nonce), 0],
          [await createDatanetTx('head-c', nonce + 1), 0],
        ],
      ]);
      const after = await d.pub.getBlock({ blockNumber: BigInt(head) });
      expect(Number(after.number)).toBe(head);
      expect(after.hash).not.toBe(before.hash);
      // No block follows: the processor alone only moves when the head's number grows, so without the head
      // watcher this would wait forever (the 120 s bound is a test timeout, not a measured time).
      for (;;) {
        const [s] = await query<{ h: string }>(
          live.url,
          `SELECT indexed_hash AS h FROM ${TABLE.indexerState} WHERE id = 'current'`,
        );
        if (s?.h === after.hash) break;
        expect(await d.blockNumber()).toBe(head);
        await new Promise((r) => setTimeout(r, 200));
      }
      const names = (await query<{ name: string }>(live.url, `SELECT name FROM ${TABLE.datanet}`)).map(
        (r) => r.name,
      );
      expect(names).toEqual(expect.arrayContaining(['head-b', 'head-c']));
      expect(names).not.toContain('head-a');
      // Noticed by the watcher once (a restart of the processor), not by a new block.
      expect(ix.output().match(/same-height reorg/g)?.length).toBe(1);
      expect(await d.blockNumber()).toBe(head);
    } finally {
      await ix.stop();
    }
    const fresh = await db();
    const clean = startIndexer({
      databaseUrl: fresh.url,
      rpcUrl: anvil.rpcUrl,
      deployment: d.deployment,
      finalityConfirmations: 20,
    });
    try {
      await clean.waitForHeight(head);
    } finally {
      await clean.stop();
    }
    expect(await stateFingerprint(live.url)).toEqual(await stateFingerprint(fresh.url));
  }, 300_000);
});
