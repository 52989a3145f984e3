import { protocolArtifacts } from '@ae/contracts';
import type { ContractName } from '@ae/core';
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
import type { Address } from 'viem';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stateFingerprint } from '../src/digest/stateFingerprint.js';
import { getIndexerStatus } from '../src/status/getIndexerStatus.js';

let anvil: Anvil;
let d: ProtocolDriver;
let head: number;
const dbs: TestDatabase[] = [];
/** Each index's indexer output, by database url. */
const outputs = new Map<string, string>();

async function index(finality: number, env: Record<string, string> = {}): Promise<TestDatabase> {
  const db = await createTestDatabase({ prefix: 'idx_chain' });
  dbs.push(db);
  const ix = startIndexer({
    databaseUrl: db.url,
    rpcUrl: anvil.rpcUrl,
    deployment: d.deployment,
    finalityConfirmations: finality,
    env,
  });
  try {
    await ix.waitForHeight(head);
  } finally {
    await ix.stop();
    outputs.set(db.url, ix.output());
  }
  return db;
}

beforeAll(async () => {
  anvil = await startAnvil();
  d = await ProtocolDriver.start({ rpcUrl: anvil.rpcUrl, chainId: anvil.chainId });
  const w = await setupActivity(d);
  for (let r = 0; r < 2; r++) await activityRound(d, w, { n: 12 });
  head = await d.blockNumber();
});

afterAll(async () => {
  for (const db of dbs) await db.drop();
  await anvil?.stop();
});

describe('indexing a chain', () => {
  let db: TestDatabase;
  let c: pg.Client;

  beforeAll(async () => {
    db = await index(3);
    c = new pg.Client({ connectionString: db.url });
    await c.connect();
  });
  afterAll(async () => {
    await c?.end();
  });

  const read = (contract: ContractName, fn: string, args: unknown[]) =>
    d.pub.readContract({
      address: d.deployment.contracts[contract] as Address,
      abi: protocolArtifacts[contract].abi,
      functionName: fn,
      args,
    } as never);

  it('holds every entity the contracts count', async () => {
    const counts = {
      datanet: await read('DatanetRegistry', 'datanetCount', []),
      contribution: await read('DatanetRegistry', 'contributionCount', []),
      model: await read('ModelRegistry', 'modelCount', []),
      inference: await read('InferenceLedger', 'inferenceCount', []),
      attribution: await read('AttributionRegistry', 'attributionCount', []),
      dispute: await read('AttributionRegistry', 'disputeCount', []),
    };
    for (const [table, n] of Object.entries(counts)) {
      const r = await c.query(`SELECT count(*)::int AS n FROM ${table}`);
      expect(r.rows[0].n, table).toBe(Number(n));
    }
  });

  it('derives stakes, pending unstakes and unclaimed rewards equal to the contracts’ state', async () => {
    const accounts = (
      await c.query(`SELECT id, stake, pending_unstake, pending_rewards FROM ${TABLE.account}`)
    ).rows;
    expect(accounts.length).toBeGreaterThanOrEqual(9);
    for (const a of accounts) {
      expect(BigInt(a.stake), a.id).toBe(await read('Staking', 'stakeOf', [a.id]));
      const [pending] = (await read('Staking', 'pendingUnstake', [a.id])) as [bigint, bigint];
      expect(BigInt(a.pending_unstake), a.id).toBe(pending);
      expect(BigInt(a.pending_rewards), a.id).toBe(await read('RewardDistributor', 'accrued', [a.id]));
    }
  });

  it('accounts for every native OPEN movement: token transfers match balances of the protocol contracts', async () => {
    const r = await c.query(`SELECT kind, sum(amount)::text AS s FROM ${TABLE.tokenTransfer} GROUP BY kind`);
    const sum = Object.fromEntries(r.rows.map((x) => [x.kind, BigInt(x.s)]));
    const staking = await d.pub.getBalance({ address: d.deployment.contracts.Staking as Address });
    const distributor = await d.pub.getBalance({
      address: d.deployment.contracts.RewardDistributor as Address,
    });
    const registry = await d.pub.getBalance({
      address: d.deployment.contracts.AttributionRegistry as Address,
    });
    // Everything that entered minus everything that left, across the protocol's contracts.
    const inflow = sum.INFERENCE_FEE + sum.STAKE + sum.DISPUTE_BOND;
    const outflow = sum.UNSTAKE + sum.REWARD_CLAIM + (sum.BOND_REFUND ?? 0n);
    expect(staking + distributor + registry).toBe(inflow - outflow);
  });

  it('credits settled shares with amount x weight / 1e6 and sums them per contribution', async () => {
    const r = await c.query(
      `SELECT c.id, c.total_rewards, coalesce(sum(s.reward), 0)::text AS s FROM ${TABLE.contribution} c
         LEFT JOIN ${TABLE.attributionShare} s ON s.contribution_id = c.id GROUP BY c.id`,
    );
    expect(r.rows.some((x) => BigInt(x.total_rewards) > 0n)).toBe(true);
    for (const x of r.rows) expect(BigInt(x.total_rewards), x.id).toBe(BigInt(x.s));
  });

  it('reports its status with a digest, at the chain head', async () => {
    const s = await getIndexerStatus(c);
    expect(s?.indexedHeight).toBe(head);
    expect(s?.lag).toBe(0);
    expect(s?.digest).toMatch(/^0x[0-9a-f]{64}$/);
    expect(s?.finalizedHeight).toBe(head - 3);
  });

  it('ends its backfill with every index the migrations create (INDEX_DEFERRAL=auto built them at the head)', async () => {
    const fresh = await createTestDatabase({ prefix: 'idx_fresh' });
    dbs.push(fresh);
    const defs = async (url: string) => {
      const k = new pg.Client({ connectionString: url });
      await k.connect();
      try {
        const r = await k.query(
          `SELECT indexdef FROM pg_indexes WHERE schemaname NOT IN ('pg_catalog', 'information_schema') ORDER BY 1`,
        );
        return r.rows.map((x) => x.indexdef as string);
      } finally {
        await k.end();
      }
    };
    expect(outputs.get(db.url)).toMatch(
      /backfilling an empty index: \d+ secondary indexes are built at the head/,
    );
    expect(outputs.get(db.url)).toContain('built the indexes deferred by the backfill');
    expect(await defs(db.url)).toEqual(await defs(fresh.url));
    expect(
      (await c.query(`SELECT count(*)::int AS n FROM ${TABLE.squidProcessorDeferredIndex}`)).rows[0].n,
    ).toBe(0);
  });

  it('is deterministic: a second index with another finality (other batches, no hot blocks), foreign-key checks on and no deferred indexes has the same state', async () => {
    // The first index skipped the foreign-key triggers (FK_CHECKS=auto as a superuser) and backfilled without
    // its secondary indexes: with the triggers on, no write is refused, so the handlers never wrote a dangling
    // reference; with every index in place, the handlers read the same rows.
    const other = await index(0, { FK_CHECKS: 'on', INDEX_DEFERRAL: 'off' });
    const [a, b] = [await stateFingerprint(db.url), await stateFingerprint(other.url)];
    expect(b).toEqual(a);
    expect(a.tables.attribution_share.rows).toBeGreaterThan(0);
  });
});
