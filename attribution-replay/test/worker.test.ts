import { TABLE } from '@ae/core/tables';
import { createTestDatabase, type TestDatabase } from '@ae/testkit';
import pg from 'pg';
import type PgBoss from 'pg-boss';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig, type ReplayConfig } from '../src/config.js';
import type { Disputer } from '../src/dispute/disputer.js';
import { Feeder } from '../src/worker/feeder.js';
import { type ProcessDeps, processAttributions } from '../src/worker/processJobs.js';
import { migrateReplay } from '../src/worker/replayMigrations.js';
import { openQueue } from '../src/worker/replayQueue.js';
import { ReplayWorker } from '../src/worker/replayWorker.js';
import { MemoryStore, problemOf, ToyRunner, toyCompare } from './fixtureEngine.js';
import { type SeededAttribution, seedIndexed } from './seedIndexed.js';

// One database for the file; each test uses its own queue name so their jobs never mix.
let tdb: TestDatabase;
let pool: pg.Pool;
let store: MemoryStore;
let seeded: SeededAttribution[];
let closing = false;

beforeAll(async () => {
  tdb = await createTestDatabase({ prefix: 'replay_worker' });
  await migrateReplay(tdb.url);
  pool = new pg.Pool({ connectionString: tdb.url, max: 12 });
  // dropping the database (WITH FORCE) terminates what is still connected: expected then, an error before
  pool.on('error', (e) => {
    if (!closing) throw e;
  });
  store = new MemoryStore();
  seeded = await seedIndexed(tdb.url, store, { models: 3, perModel: 8 });
});

afterAll(async () => {
  closing = true;
  await pool?.end();
  await tdb?.drop();
});

function config(queueName: string, extra: Partial<ReplayConfig> = {}): ReplayConfig {
  return {
    ...loadConfig({ DATABASE_URL: tdb.url, DATA_DIR: '/nonexistent' }),
    queueName,
    progressIntervalS: 0,
    feedIntervalMs: 100,
    batchSize: 5,
    ...extra,
  };
}

function deps(runner = new ToyRunner()): ProcessDeps {
  return {
    db: pool,
    artifacts: store,
    runner,
    compare: toyCompare,
    artifactProblem: problemOf,
    tolerancePpm: 100,
  };
}

async function waitFor(cond: () => Promise<boolean>, what: string, ms = 60_000): Promise<void> {
  const until = Date.now() + ms;
  while (!(await cond())) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function verdicts(): Promise<Map<string, { verdict: string; reason: string | null; n: number }>> {
  const r = await pool.query(
    `SELECT attribution_id, verdict, reason, count(*) OVER (PARTITION BY attribution_id)::int AS n FROM ${TABLE.attributionVerdict}`,
  );
  return new Map(r.rows.map((x) => [x.attribution_id, { verdict: x.verdict, reason: x.reason, n: x.n }]));
}

describe('replay worker on a pg-boss queue', () => {
  it('feeds every attribution once, batches by model and writes one verdict per attribution', async () => {
    const cfg = config('replay-main');
    const boss = await openQueue(cfg);
    const runner = new ToyRunner();
    const w = new ReplayWorker(cfg, pool, boss, deps(runner));
    await w.start();
    await waitFor(async () => (await verdicts()).size === seeded.length, 'all verdicts');
    await w.stop();
    // a second feeder over the same rows enqueues nothing new
    const again = new Feeder(pool, boss, cfg.queueName);
    expect(await again.drain()).toBe(0);
    await boss.stop({ graceful: false, wait: true });
    const v = await verdicts();
    for (const s of seeded) {
      const got = v.get(s.id)!;
      expect(got.n).toBe(1);
      const want = {
        honest: 'VERIFIED',
        manipulated: 'MISMATCH',
        'missing-result': 'UNVERIFIABLE',
        'unknown-method': 'UNVERIFIABLE',
      }[s.kind];
      expect(got.verdict, `attribution ${s.id} (${s.kind})`).toBe(want);
      if (s.kind === 'missing-result')
        expect(got.reason).toMatch(/result artifact 0x[0-9a-f]{64} is missing/);
      if (s.kind === 'unknown-method') expect(got.reason).toMatch(/unknown method "magic@9"/);
    }
    // batched: no runner call was for a single query only when its model had more in the batch
    expect(Math.max(...runner.calls)).toBeGreaterThan(1);
    const mismatch = await pool.query(
      `SELECT max_deviation_ppm, over_credited, under_credited, recomputed, evidence_hash FROM ${TABLE.attributionVerdict} WHERE verdict = 'MISMATCH' LIMIT 1`,
    );
    expect(mismatch.rows[0].max_deviation_ppm).toBeGreaterThan(100);
    expect(mismatch.rows[0].over_credited.length + mismatch.rows[0].under_credited.length).toBeGreaterThan(0);
    expect(mismatch.rows[0].recomputed.length).toBe(4);
    expect(new TextDecoder().decode(await store.get(mismatch.rows[0].evidence_hash))).toContain(
      '"verdict":"MISMATCH"',
    );
  });

  it('three workers on one queue take no job twice', async () => {
    await pool.query(`DELETE FROM ${TABLE.attributionVerdict}`);
    const cfg = config('replay-three');
    const bosses: PgBoss[] = [];
    const taken: string[] = [];
    const workers: ReplayWorker[] = [];
    for (let i = 0; i < 3; i++) {
      const boss = await openQueue(cfg);
      bosses.push(boss);
      workers.push(
        new ReplayWorker({ ...cfg, batchSize: 2 }, pool, boss, deps(), {
          onBatch: (ids) => taken.push(...ids),
        }),
      );
    }
    await Promise.all(workers.map((w) => w.start()));
    await waitFor(async () => (await verdicts()).size === seeded.length, 'all verdicts');
    await Promise.all(workers.map((w) => w.stop()));
    await Promise.all(bosses.map((b) => b.stop({ graceful: false, wait: true })));
    expect(taken.length).toBe(seeded.length);
    expect(new Set(taken).size).toBe(seeded.length);
    expect(workers.filter((w) => w.progress.done > 0).length).toBeGreaterThan(1);
  });

  it('a job taken by a worker that died is retried after it expires and done once', async () => {
    await pool.query(`DELETE FROM ${TABLE.attributionVerdict}`);
    const cfg = config('replay-crash', { jobExpireSeconds: 2 });
    // the "dead" worker: feeds, takes a batch of jobs and disappears without completing them
    const dead = await openQueue(cfg);
    const feeder = new Feeder(pool, dead, cfg.queueName);
    await feeder.ensureCursor();
    await feeder.drain();
    const lost = await dead.fetch<{ attributionId: string }>(cfg.queueName, { batchSize: 4 });
    expect(lost.length).toBe(4);
    await dead.stop({ graceful: false, wait: true });
    const boss = await openQueue(cfg, { maintenanceIntervalSeconds: 1 });
    const taken: string[] = [];
    const w = new ReplayWorker(cfg, pool, boss, deps(), { onBatch: (ids) => taken.push(...ids) });
    await w.start();
    await waitFor(
      async () => (await verdicts()).size === seeded.length,
      'all verdicts, including the expired jobs',
    );
    await w.stop();
    await boss.stop({ graceful: false, wait: true });
    for (const j of lost) expect(taken.filter((id) => id === j.data.attributionId).length).toBe(1);
    expect([...(await verdicts()).values()].every((x) => x.n === 1)).toBe(true);
  });

  it('confirms a GPU-pass mismatch on the canonical CPU runner before disputing', async () => {
    // a "GPU" pass that disagrees with everything (its weights are shuffled); the CPU runner is right
    const cpu = new ToyRunner();
    const gpu: ProcessDeps['runner'] = {
      methods: cpu.methods,
      device: 'cuda',
      run: async (input) =>
        (await cpu.run(input)).map((r) => ({
          ...r,
          top: r.top.map((t, i, all) => ({ ...t, weightPpm: all[all.length - 1 - i].weightPpm })),
        })),
    };
    const disputed: string[] = [];
    const disputer = {
      dispute: async (id: string) => {
        disputed.push(id);
        return { opened: true as const, txHash: `0x${'ab'.repeat(32)}` as const };
      },
    } as unknown as Disputer;
    const honest = seeded.find((x) => x.kind === 'honest')!;
    const manipulated = seeded.find((x) => x.kind === 'manipulated')!;
    const out = await processAttributions(
      { ...deps(), runner: gpu, canonicalRunner: new ToyRunner(), disputer },
      [honest.id, manipulated.id],
    );
    const by = new Map(out.map((r) => [r.verdict.attributionId, r.verdict]));
    expect(by.get(honest.id)).toMatchObject({ verdict: 'VERIFIED', device: 'cpu' });
    expect(by.get(manipulated.id)).toMatchObject({
      verdict: 'MISMATCH',
      device: 'cpu',
      disputeTxHash: `0x${'ab'.repeat(32)}`,
    });
    expect(disputed).toEqual([manipulated.id]);
  });
});
