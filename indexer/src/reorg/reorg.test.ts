import { TABLE } from '@ae/core/tables';
import { type Anvil, startAnvil } from '@ae/devnet';
import {
  type ActivityWorld,
  activityRound,
  createTestDatabase,
  ProtocolDriver,
  setupActivity,
  startIndexer,
  type TestDatabase,
} from '@ae/testkit';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stateFingerprint } from '../digest/stateFingerprint.js';
import { DEEP_REORG_EXIT_CODE } from '../runIndexer.js';

let anvil: Anvil;
let d: ProtocolDriver;
let w: ActivityWorld;
const dbs: TestDatabase[] = [];

async function db(): Promise<TestDatabase> {
  const x = await createTestDatabase({ prefix: 'reorg' });
  dbs.push(x);
  return x;
}

async function indexedHash(url: string): Promise<string> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  const r = await c.query(`SELECT indexed_hash FROM ${TABLE.indexerState} WHERE id = 'current'`);
  await c.end();
  return r.rows[0].indexed_hash;
}

/** Mines branch a, lets the indexer follow it, reverts to the fork point and mines a different, longer branch b. */
async function fork(waitForA: (h: number) => Promise<void>): Promise<number> {
  const snap = await d.rpc<string>('evm_snapshot');
  await activityRound(d, w, { n: 4, salt: `a${Date.now()}`, settle: false });
  await waitForA(await d.blockNumber());
  await d.rpc('evm_revert', [snap]);
  await activityRound(d, w, { n: 3, salt: `b${Date.now()}`, settle: false });
  await d.mine(4);
  return d.blockNumber();
}

beforeAll(async () => {
  anvil = await startAnvil();
  d = await ProtocolDriver.start({ rpcUrl: anvil.rpcUrl, chainId: anvil.chainId });
  w = await setupActivity(d);
  await activityRound(d, w, { n: 4 });
});

afterAll(async () => {
  for (const x of dbs) await x.drop();
  await anvil?.stop();
});

describe('chain reorganisations', () => {
  it('rolls back unfinalized blocks and ends equal to a fresh index of the new chain', async () => {
    const live = await db();
    const ix = startIndexer({
      databaseUrl: live.url,
      rpcUrl: anvil.rpcUrl,
      deployment: d.deployment,
      finalityConfirmations: 40,
    });
    try {
      const head = await fork((h) => ix.waitForHeight(h));
      await ix.waitForHeight(head);
      const block = await d.pub.getBlock({ blockNumber: BigInt(head) });
      expect(await indexedHash(live.url)).toBe(block.hash);
      expect(ix.output()).toContain('navigating a fork');
    } finally {
      await ix.stop();
    }
    const fresh = await db();
    const clean = startIndexer({
      databaseUrl: fresh.url,
      rpcUrl: anvil.rpcUrl,
      deployment: d.deployment,
      finalityConfirmations: 40,
    });
    try {
      await clean.waitForHeight(await d.blockNumber());
    } finally {
      await clean.stop();
    }
    const [a, b] = [await stateFingerprint(live.url), await stateFingerprint(fresh.url)];
    expect(a).toEqual(b);
    expect(a.tables.attribution.rows).toBeGreaterThan(0);
    // Two indexers (each a supervisor and its processor) on a loaded machine.
  }, 300_000);

  it('stops loudly on a reorg deeper than the finality setting, and refuses to restart on that state', async () => {
    const live = await db();
    const opts = {
      databaseUrl: live.url,
      rpcUrl: anvil.rpcUrl,
      deployment: d.deployment,
      finalityConfirmations: 2,
    };
    const ix = startIndexer(opts);
    try {
      await fork((h) => ix.waitForHeight(h));
      expect(await ix.exited).toBe(DEEP_REORG_EXIT_CODE);
      expect(ix.output()).toContain('reorg deeper than the finality setting');
    } finally {
      await ix.stop();
    }
    const again = startIndexer(opts);
    expect(await again.exited).toBe(DEEP_REORG_EXIT_CODE);
    expect(again.output()).toContain('reorg deeper than the finality setting');
  }, 300_000);
});
