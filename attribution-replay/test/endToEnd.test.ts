import { spawn } from 'node:child_process';
import { readdir, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { attributionRegistryAbi } from '@ae/contracts';
import { TABLE } from '@ae/core/tables';
import { devnetChain, namedAccounts } from '@ae/devnet';
import { postCopiedPosting, type ScenarioHarness, startScenarioHarness } from '@ae/testkit';
import pg from 'pg';
import { createPublicClient, createWalletClient, type Hex, http } from 'viem';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig, type ReplayConfig } from '../src/config.js';
import { Arbiter } from '../src/dispute/arbiter.js';
import { bindReplay } from '../src/verify/bindReplay.js';
import { processAttributions } from '../src/worker/processJobs.js';
import { startWorker } from '../src/worker/workerCli.js';

const BIN = join(dirname(fileURLToPath(import.meta.url)), '../bin/attribution-replay.js');

// small scenario → indexer → worker, on one chain and one database for the whole file
let h: ScenarioHarness;
let pool: pg.Pool;

beforeAll(async () => {
  h = await startScenarioHarness({ prefix: 'replay_e2e' });
  pool = new pg.Pool({ connectionString: h.db.url, max: 4 });
}, 600_000);

afterAll(async () => {
  await pool?.end();
  await h?.close();
});

function config(extra: Partial<ReplayConfig> = {}): ReplayConfig {
  return {
    ...loadConfig({
      DATABASE_URL: h.db.url,
      ARTIFACTS_DIR: h.artifactsDir,
      DEPLOYMENT_FILE: h.deploymentFile,
      RPC_URL: h.anvil.rpcUrl,
    }),
    progressIntervalS: 0,
    feedIntervalMs: 200,
    ...extra,
  };
}

async function verdictRows(): Promise<
  Map<
    string,
    {
      verdict: string;
      reason: string | null;
      evidence_hash: string;
      dispute_tx_hash: string | null;
      over_credited: string[] | null;
    }
  >
> {
  const r = await pool.query(`SELECT * FROM ${TABLE.attributionVerdict}`);
  return new Map(r.rows.map((x) => [x.attribution_id, x]));
}

let freshLie: string | undefined;

async function attributionOf(inferenceId: bigint): Promise<string> {
  const r = await pool.query(`SELECT id FROM ${TABLE.attribution} WHERE inference_id = $1`, [
    inferenceId.toString(),
  ]);
  return r.rows[0].id as string;
}

async function until(cond: () => Promise<boolean>, what: string, ms = 300_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await cond())) {
    if (Date.now() > end) throw new Error(`timed out: ${what}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

describe('replay of the small scenario', () => {
  it('finds every manipulated attribution MISMATCH, every honest one VERIFIED, every bad-hash one UNVERIFIABLE', async () => {
    const total = Number((await pool.query(`SELECT count(*) FROM ${TABLE.attribution}`)).rows[0].count);
    const t = h.truth.attributions;
    expect(total).toBe(t.honest.length + t.manipulated.length + t.badHash.length);
    expect(t.manipulated.length).toBeGreaterThan(0);
    expect(t.badHash.length).toBeGreaterThan(0);
    const running = await startWorker(config(), { log: () => {} });
    try {
      await until(async () => (await verdictRows()).size === total, 'a verdict for every attribution');
    } finally {
      await running.stop();
    }
    const v = await verdictRows();
    for (const id of t.honest)
      expect(v.get(id)?.verdict, `honest ${id}: ${v.get(id)?.reason}`).toBe('VERIFIED');
    for (const m of t.manipulated) {
      const got = v.get(m.attributionId)!;
      expect(got.verdict, `manipulated ${m.attributionId} (${m.how})`).toBe('MISMATCH');
      for (const c of m.overCredited) expect(got.over_credited).toContain(c);
    }
    for (const b of t.badHash) {
      const got = v.get(b.attributionId)!;
      expect(got.verdict, `bad hash ${b.attributionId} (${b.how})`).toBe('UNVERIFIABLE');
      expect(got.reason).toContain(b.artifact.toLowerCase());
    }
    // nothing was disputed without a key
    expect([...v.values()].every((x) => x.dispute_tx_hash === null)).toBe(true);
    // the text model's span-match@1 postings (issue #20) are among them, honest and manipulated
    const span = [...v.values()].filter((x) => (x as { method?: string }).method === 'span-match@1');
    expect(span.some((x) => x.verdict === 'VERIFIED') && span.some((x) => x.verdict === 'MISMATCH')).toBe(
      true,
    );
  });

  it('disputes a fresh manipulated posting inside its window, and the indexer sees the dispute', async () => {
    // a poster copies an honest posting onto a new inference of the same model and input, moving weight
    const inferenceId = await postCopiedPosting({
      rpcUrl: h.anvil.rpcUrl,
      chainId: h.deployment.chainId,
      contracts: h.deployment.contracts,
      db: pool,
      from: h.truth.attributions.honest[0],
      kind: 'lie',
    });
    const named = namedAccounts();
    await h.index();
    const fresh = await attributionOf(inferenceId);
    freshLie = fresh;

    const auditor = named.auditors[0];
    const key = `0x${Buffer.from(auditor.getHdKey().privateKey!).toString('hex')}` as Hex;
    const running = await startWorker(config({ disputeKey: key }), { log: () => {} });
    try {
      await until(async () => (await verdictRows()).get(fresh)?.verdict !== undefined, 'the fresh verdict');
    } finally {
      await running.stop();
    }
    const v = (await verdictRows()).get(fresh)!;
    expect(v.verdict).toBe('MISMATCH');
    expect(v.dispute_tx_hash).toMatch(/^0x[0-9a-f]{64}$/);
    await h.index();
    const d = (
      await pool.query(
        `SELECT challenger_id, evidence_hash, status FROM ${TABLE.dispute} WHERE attribution_id = $1`,
        [fresh],
      )
    ).rows;
    expect(d).toHaveLength(1);
    expect(d[0].challenger_id).toBe(auditor.address.toLowerCase());
    expect(d[0].evidence_hash).toBe(v.evidence_hash);
    // the evidence is in the store under that hash
    expect((await readdir(join(h.artifactsDir, 'sha256'))).some((f) => v.evidence_hash.endsWith(f))).toBe(
      true,
    );
  });

  it("the devnet arbiter upholds the worker's dispute by its own replay and rejects a frivolous one", async () => {
    expect(freshLie).toBeDefined();
    const named = namedAccounts();
    const c = h.deployment.contracts;
    const copied = await postCopiedPosting({
      rpcUrl: h.anvil.rpcUrl,
      chainId: h.deployment.chainId,
      contracts: c,
      db: pool,
      from: h.truth.attributions.honest[1],
      kind: 'honest',
    });
    await h.index();
    const honest = await attributionOf(copied);
    // an auditor disputes the honest copy without cause
    const chain = devnetChain(h.anvil.rpcUrl, h.deployment.chainId);
    const pub = createPublicClient({ chain, transport: http(h.anvil.rpcUrl), pollingInterval: 50 });
    const wallet = createWalletClient({ chain, account: named.auditors[1], transport: http(h.anvil.rpcUrl) });
    const bond = (await pub.readContract({
      address: c.AttributionRegistry,
      abi: attributionRegistryAbi,
      functionName: 'minBond',
    })) as bigint;
    const hash = await wallet.writeContract({
      address: c.AttributionRegistry,
      abi: attributionRegistryAbi,
      functionName: 'disputeAttribution',
      args: [BigInt(honest), `0x${'ab'.repeat(32)}`],
      value: bond,
    } as never);
    expect((await pub.waitForTransactionReceipt({ hash })).status).toBe('success');
    await h.index();
    const deps = await bindReplay(config(), { log: () => {} });
    const lines: string[] = [];
    const arbiter = new Arbiter(
      { ...deps, db: pool },
      h.anvil.rpcUrl,
      c.AttributionRegistry,
      named.arbiter,
      (l) => lines.push(l),
    );
    const rulings = await arbiter.tick();
    expect(rulings.map((r) => [r.attributionId, r.upheld, r.verdict.verdict, r.evidence.status])).toEqual([
      [freshLie, true, 'MISMATCH', 'reproduced'], // the worker's evidence is byte for byte the arbiter's own
      [honest, false, 'VERIFIED', 'missing'],
    ]);
    expect(lines.join('\n')).toMatch(/UPHELD \(poster slashed, nobody paid\)/);
    await h.index();
    const after = (
      await pool.query(
        `SELECT a.id, a.status, a.settled, a.settled_paid, d.status AS dispute, p.total_slashed::text AS slashed
           FROM ${TABLE.attribution} a JOIN ${TABLE.dispute} d ON d.attribution_id = a.id JOIN ${TABLE.account} p ON p.id = a.poster_id
          WHERE a.id = ANY($1) ORDER BY a.id::numeric`,
        [[freshLie, honest]],
      )
    ).rows;
    expect(after.map((r) => [r.id, r.status, r.dispute, r.settled_paid])).toEqual([
      [freshLie, 'UPHELD', 'UPHELD', false], // settled unpaid: the escrow went to the protocol
      [honest, 'POSTED', 'REJECTED', null], // back to posted: it settles after its window
    ]);
    expect(BigInt(after[0].slashed)).toBeGreaterThan(0n);
    expect(await arbiter.tick()).toEqual([]); // nothing left open
  });

  it('verify CLI prints the verdict and exits 0 verified, 1 mismatch, 2 unverifiable; it writes nothing', async () => {
    const t = h.truth.attributions;
    // read-only: remove the worker's evidence of the three we verify, so any put would show in the store
    const stored = await verdictRows();
    const picked = [t.honest[0], t.manipulated[0].attributionId, t.badHash[0].attributionId];
    for (const id of picked)
      await rm(join(h.artifactsDir, 'sha256', stored.get(id)!.evidence_hash.slice(2).toLowerCase()), {
        force: true,
      });
    const listing = async () => (await readdir(join(h.artifactsDir, 'sha256'))).sort().join('\n');
    const before = await listing();
    const verdictsBefore = JSON.stringify([...stored.entries()]);
    const env = {
      ...process.env,
      DATABASE_URL: h.db.url,
      ARTIFACTS_DIR: h.artifactsDir,
      DEPLOYMENT_FILE: h.deploymentFile,
    };
    const cli = (...args: string[]) =>
      new Promise<{ code: number | null; out: string }>((ok) => {
        const child = spawn(process.execPath, [BIN, 'verify', ...args], {
          env,
          stdio: ['ignore', 'pipe', 'pipe'],
        });
        let out = '';
        child.stdout.on('data', (d) => {
          out += d;
        });
        child.on('exit', (code) => ok({ code, out }));
      });
    const honest = await cli(t.honest[0]);
    expect(honest.code).toBe(0);
    expect(honest.out).toContain('verdict: VERIFIED');
    expect(honest.out).toMatch(/contribution\s+posted ppm\s+recomputed ppm/);
    const m = t.manipulated[0];
    const mismatch = await cli(m.attributionId, '--json', '--device', 'auto');
    expect(mismatch.code).toBe(1);
    const json = JSON.parse(mismatch.out);
    expect(json).toMatchObject({ attributionId: m.attributionId, verdict: 'MISMATCH', device: 'cpu' });
    expect(json.overCredited).toEqual(expect.arrayContaining(m.overCredited));
    // the same evidence hash the worker stored, computed without storing it
    expect(json.evidenceHash).toBe(stored.get(m.attributionId)!.evidence_hash);
    const bad = await cli(t.badHash[0].attributionId);
    expect(bad.code).toBe(2);
    expect(bad.out).toContain('verdict: UNVERIFIABLE');
    expect(await listing()).toBe(before);
    expect(JSON.stringify([...(await verdictRows()).entries()])).toBe(verdictsBefore);
  });

  it('names a corrupted and a missing artifact in UNVERIFIABLE verdicts', async () => {
    const honest = h.truth.attributions.honest.slice(1, 3);
    const cfg = config();
    const deps = await bindReplay(cfg, { log: () => {} });
    const rows = (
      await pool.query(
        `SELECT a.id, i.input_hash, i.output_hash FROM ${TABLE.attribution} a JOIN ${TABLE.inference} i ON i.id = a.inference_id WHERE a.id = ANY($1)`,
        [honest],
      )
    ).rows;
    const file = (hash: string) => join(h.artifactsDir, 'sha256', hash.slice(2).toLowerCase());
    await writeFile(file(rows[0].input_hash), 'tampered input');
    await rm(file(rows[1].output_hash));
    const out = await processAttributions({ ...deps, db: pool }, [rows[0].id, rows[1].id]);
    const by = new Map(out.map((r) => [r.verdict.attributionId, r.verdict]));
    expect(by.get(rows[0].id)).toMatchObject({
      verdict: 'UNVERIFIABLE',
      artifact: { hash: rows[0].input_hash, problem: 'hash-mismatch' },
    });
    expect(by.get(rows[1].id)).toMatchObject({
      verdict: 'UNVERIFIABLE',
      artifact: { hash: rows[1].output_hash, problem: 'missing' },
    });
  });
});
