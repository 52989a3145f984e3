import { TABLE } from '@ae/core/tables';
import { type Anvil, startAnvil } from '@ae/devnet';
import {
  type ActivityWorld,
  activityRound,
  createTestDatabase,
  ProtocolDriver,
  setupActivity,
  startFaultProxy,
  startIndexer,
  type TestDatabase,
} from '@ae/testkit';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type StateFingerprint, stateFingerprint } from '../src/digest/stateFingerprint.js';
import { RPC_INTEGRITY_EXIT_CODE } from '../src/runIndexer.js';

let anvil: Anvil;
let d: ProtocolDriver;
let w: ActivityWorld;
const dbs: TestDatabase[] = [];
let clean: StateFingerprint | undefined;

async function db(): Promise<TestDatabase> {
  const x = await createTestDatabase({ prefix: 'faults' });
  dbs.push(x);
  return x;
}

/** A clean index of the chain as it is now, over a direct connection. */
async function cleanIndex(): Promise<StateFingerprint> {
  if (clean) return clean;
  const x = await db();
  const ix = startIndexer({
    databaseUrl: x.url,
    rpcUrl: anvil.rpcUrl,
    deployment: d.deployment,
    finalityConfirmations: 5,
  });
  try {
    await ix.waitForHeight(await d.blockNumber());
  } finally {
    await ix.stop();
  }
  clean = await stateFingerprint(x.url);
  return clean;
}

async function indexedHeight(url: string): Promise<number> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    const r = await c
      .query(`SELECT indexed_height FROM ${TABLE.indexerState} WHERE id = 'current'`)
      .catch(() => ({ rows: [] }));
    return r.rows[0]?.indexed_height ?? -1;
  } finally {
    await c.end();
  }
}

beforeAll(async () => {
  anvil = await startAnvil();
  d = await ProtocolDriver.start({ rpcUrl: anvil.rpcUrl, chainId: anvil.chainId });
  w = await setupActivity(d);
  await activityRound(d, w, { n: 6 });
});

afterAll(async () => {
  for (const x of dbs) await x.drop();
  await anvil?.stop();
});

describe('faults', () => {
  it('backs off and retries through 429s, hangs, drops before and mid-body, truncated bodies, 500s, wrong ids and a head moving backwards', async () => {
    const proxy = await startFaultProxy({ upstream: anvil.rpcUrl, rate: 0.25, holdMs: 1_500, seed: 7 });
    const live = await db();
    const ix = startIndexer({
      databaseUrl: live.url,
      rpcUrl: proxy.url,
      deployment: d.deployment,
      finalityConfirmations: 5,
      env: { RPC_REQUEST_TIMEOUT_MS: '1000' },
    });
    try {
      await activityRound(d, w, { n: 5, salt: 'f1' });
      proxy.staleHeadFor(1_500);
      await activityRound(d, w, { n: 5, salt: 'f2' });
      await ix.waitForHeight(await d.blockNumber(), 150_000);
      // The processor keeps polling the head while it follows; give it the time to meet the lagging node.
      for (let i = 0; i < 100 && proxy.counts.staleHead === 0; i++)
        await new Promise((r) => setTimeout(r, 100));
    } finally {
      await ix.stop();
      await proxy.close();
    }
    for (const k of [
      '429',
      'timeout',
      'drop',
      'truncate',
      'staleHead',
      'error500',
      'midBody',
      'wrongId',
    ] as const) {
      expect(proxy.counts[k], k).toBeGreaterThan(0);
    }
    expect(ix.output()).toContain('RPC fault, retrying');
    expect(await stateFingerprint(live.url)).toEqual(await cleanIndex());
  });

  it('never dies of connections reset in the middle of the body: every answer cut once', async () => {
    const cut = new Set<string>();
    // Every distinct request shape gets its first answer cut mid-body (full Content-Length, half, reset).
    const proxy = await startFaultProxy({
      upstream: anvil.rpcUrl,
      rate: 0,
      at: (p) => {
        const k = `${p.methods.join(',')}`;
        if (cut.has(k) && p.n % 3) return undefined;
        cut.add(k);
        return 'midBody';
      },
    });
    const live = await db();
    const ix = startIndexer({
      databaseUrl: live.url,
      rpcUrl: proxy.url,
      deployment: d.deployment,
      finalityConfirmations: 5,
    });
    try {
      await ix.waitForHeight(await d.blockNumber(), 150_000);
    } finally {
      await ix.stop();
      await proxy.close();
    }
    expect(proxy.counts.midBody).toBeGreaterThan(3);
    expect(await stateFingerprint(live.url)).toEqual(await cleanIndex());
  });

  it('withheld logs: a node that withholds one log of a block with others is caught by the receipts check', async () => {
    // Detected: eth_getLogs disagreeing with the block's receipts (count or content). Not detectable with one
    // node: a node that withholds the log from its receipts as well (docs/rpc-trust.md).
    let withheld = 0;
    const proxy = await startFaultProxy({
      upstream: anvil.rpcUrl,
      rate: 0,
      at: (p) => (p.methods.includes('eth_getLogs') && withheld++ < 3 ? 'withholdLog' : undefined),
    });
    const live = await db();
    const ix = startIndexer({
      databaseUrl: live.url,
      rpcUrl: proxy.url,
      deployment: d.deployment,
      finalityConfirmations: 5,
    });
    try {
      await ix.waitForHeight(await d.blockNumber(), 150_000);
    } finally {
      await ix.stop();
      await proxy.close();
    }
    expect(proxy.counts.withholdLog).toBeGreaterThan(0);
    expect(ix.output()).toContain('incompleteLogs');
    expect(await stateFingerprint(live.url)).toEqual(await cleanIndex());
  });

  it('withheld logs: a node that keeps withholding stops the indexer loudly (exit 4), nothing partial indexed', async () => {
    const proxy = await startFaultProxy({
      upstream: anvil.rpcUrl,
      rate: 0,
      at: (p) => (p.methods.includes('eth_getLogs') ? 'withholdLog' : undefined),
    });
    const live = await db();
    const ix = startIndexer({
      databaseUrl: live.url,
      rpcUrl: proxy.url,
      deployment: d.deployment,
      finalityConfirmations: 5,
    });
    try {
      expect(await ix.exited).toBe(RPC_INTEGRITY_EXIT_CODE);
    } finally {
      await ix.stop();
      await proxy.close();
    }
    expect(ix.output()).toMatch(/indexing stopped: the RPC node keeps answering incomplete logs/);
    // Every eth_getLogs answer had a block withheld, so not one block with events may have been indexed.
    expect(await indexedHeight(live.url)).toBe(-1);
  });

  it('survives SIGKILL in the middle of a sync: after restarts the state equals a clean index', async () => {
    const head = await d.blockNumber();
    const start = d.deployment.startBlock;
    // Latency slows the sync down so that each kill lands mid-sync.
    const proxy = await startFaultProxy({ upstream: anvil.rpcUrl, rate: 0, latencyMs: 25 });
    const live = await db();
    const opts = {
      databaseUrl: live.url,
      rpcUrl: proxy.url,
      deployment: d.deployment,
      finalityConfirmations: 5,
      env: { RPC_MAX_BATCH_CALL_SIZE: '5' },
    };
    try {
      const kills: number[] = [];
      for (const fraction of [0.2, 0.5, 0.8]) {
        const ix = startIndexer(opts);
        const target = start + Math.floor((head - start) * fraction);
        let h = await indexedHeight(live.url);
        while (h < target) {
          await new Promise((r) => setTimeout(r, 20));
          h = await indexedHeight(live.url);
        }
        ix.kill('SIGKILL');
        await ix.exited;
        kills.push(h);
      }
      expect(kills.some((k) => k > start && k < head)).toBe(true);
      const last = startIndexer(opts);
      try {
        await last.waitForHeight(head, 150_000);
      } finally {
        await last.stop();
      }
    } finally {
      await proxy.close();
    }
    expect(await stateFingerprint(live.url)).toEqual(await cleanIndex());
    // Four indexer starts (each a supervisor and its processor) on a loaded machine.
  }, 300_000);
});
