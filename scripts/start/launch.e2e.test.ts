import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ScenarioTruth } from '@ae/devnet';
import { readTruthFigures } from '@ae/testkit';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadStartConfig } from './config.js';
import { type Launched, launch } from './launch.js';
import { graphql, waitFor } from './probe.js';

/**
 * The truth test of the whole system: `npm start`'s own orchestration (launch) plays the small scenario on a
 * devnet it starts, runs migrations, indexer, API and replay worker against a fresh database, and everything
 * below is asked through the public GraphQL API only and compared with scenario-truth.json. The explorer is
 * left out (--no-explorer): it serves explorer/build, which the explorer's own tests rebuild in place, and
 * a test here must not race them; it asks nothing of the data that the API does not already answer.
 */
const ADMIN_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const DB_NAME = `e2e_start_${process.pid}_${Date.now()}`;
let dir: string;
let running: Launched | undefined;
let cfg: ReturnType<typeof loadStartConfig>;
let truth: ScenarioTruth;
const lines: string[] = [];
let firstSyncAt = -1;

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const p = (s.address() as { port: number }).port;
      s.close(() => resolve(p));
    });
  });
}

async function admin(sql: string): Promise<void> {
  const c = new pg.Client({ connectionString: ADMIN_URL });
  await c.connect();
  try {
    await c.query(sql);
  } finally {
    await c.end();
  }
}

// biome-ignore lint/suspicious/noExplicitAny: answers are checked field by field
const gql = (query: string, variables?: Record<string, unknown>): Promise<any> =>
  graphql((running as Launched).graphqlUrl, query, variables);

interface VerdictRow {
  id: string;
  verdict: { verdict: string } | null;
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ae-start-e2e-'));
  await admin(`CREATE DATABASE ${DB_NAME}`);
  const url = new URL(ADMIN_URL);
  url.pathname = `/${DB_NAME}`;
  cfg = loadStartConfig(['--no-live', '--no-explorer', '--scale', 'small', '--seed', '1'], {
    PATH: process.env.PATH,
    DATA_DIR: dir,
    DATABASE_URL: url.toString(),
    RPC_PORT: String(await freePort()),
    API_PORT: String(await freePort()),
    EXPLORER_PORT: String(await freePort()),
    NO_COLOR: '1',
  });
  try {
    // the format npm start uses on a terminal (and sets for its children): one readable line per event
    running = await launch(cfg, {
      write: (l) => lines.push(l),
      format: 'pretty',
      onFirstSync: () => {
        firstSyncAt = lines.length;
      },
    });
    const truthFile = join(dir, 'scenario-truth.json');
    truth = await waitFor(
      'the scenario truth file',
      async () => (existsSync(truthFile) ? JSON.parse(readFileSync(truthFile, 'utf8')) : undefined),
      {
        timeoutMs: 600_000,
        intervalMs: 1_000,
      },
    );
    const end = Number(truth.endBlock);
    await waitFor(
      'the indexer at the scenario end and a verdict for every attribution',
      async () => {
        const d = await gql(
          '{ indexerStatus { indexedHeight } attributions(limit: 1000) { id verdict { verdict } } }',
        );
        const done =
          d.indexerStatus.indexedHeight >= end && d.attributions.every((a: VerdictRow) => a.verdict);
        return done && d.attributions.length === truth.expected.entityCounts.attributions ? true : undefined;
      },
      { timeoutMs: 600_000, intervalMs: 2_000 },
    );
  } catch (e) {
    console.error(lines.slice(-80).join('\n'));
    throw e;
  }
}, 1_200_000);

afterAll(async () => {
  await running?.stop();
  await admin(`DROP DATABASE IF EXISTS ${DB_NAME} WITH (FORCE)`).catch(() => {});
  if (dir) await rm(dir, { recursive: true, force: true });
}, 120_000);

describe("npm start's terminal", () => {
  it('writes one readable line per event, the same format for every service, and no warnings', async () => {
    await waitFor('the first sync', async () => (firstSyncAt >= 0 ? true : undefined), {
      timeoutMs: 300_000,
    });
    const body = (l: string) => l.replace(/^\[[\w-]+\]\s+/, '');
    const services = new Set(lines.map((l) => /^\[([\w-]+)\]/.exec(l)?.[1]));
    for (const s of ['start', 'devnet', 'indexer', 'api', 'replay']) expect(services, s).toContain(s);
    // no JSON records (Subsquid's logger included), no doubled prefixes, the time first on every line
    expect(lines.filter((l) => /^\s*\{.*\}\s*$/.test(body(l)))).toEqual([]);
    expect(lines.filter((l) => /^\[([\w-]+)\]\s+.*\[\1\]/.test(l))).toEqual([]);
    expect(lines.filter((l) => !/^\d\d:\d\d:\d\d /.test(body(l)))).toEqual([]);
    // no warning from the tooling (npm, vite, TypeScript, node, the services' start); the replay worker's
    // "replay: WARNING … will be paid unverified" lines are the audit loop's alerts about postings, not start-up noise
    const alerts = (l: string) => /replay: WARNING /.test(l);
    expect(lines.filter((l) => /\b(WARN|warn|warning|Warning)\b/.test(body(l)) && !alerts(l))).toEqual([]);
    expect(lines[firstSyncAt - 1]).toMatch(/first sync done/);
  });
});

describe('npm start end to end, against scenario-truth.json', () => {
  it('counts what the scenario created', async () => {
    const c = truth.expected.entityCounts;
    const f = await readTruthFigures(gql);
    expect(f.networkTotals).toEqual({
      datanets: c.datanets,
      contributions: c.contributions,
      models: c.models,
      inferences: c.inferences,
      attributions: c.attributions,
      disputes: c.disputes,
      totalFees: truth.expected.totalFees,
    });
    expect(f.checkpoints).toBe(c.checkpoints);
    expect(f.attributionShares).toBe(c.attributionShares);
    expect(f.rejectedContributions).toBe(c.contributionsRejected);
  });

  it('adds up the OPEN paid per role', async () => {
    expect((await readTruthFigures(gql)).paidPerRole).toEqual(truth.expected.paidPerRole);
  });

  it('traces the known inference up its model chain to the top credited contribution', async () => {
    const l = truth.lineage;
    const d = await gql(
      'query($id: ID!, $depth: Int) { lineage(id: $id, direction: UPSTREAM, depth: $depth, maxNodes: 5000) { nodes { id } edges { source target kind } } }',
      { id: `inference:${l.inferenceId}`, depth: l.path.length + 1 },
    );
    const ids = new Set(d.lineage.nodes.map((n: { id: string }) => n.id));
    for (const m of l.path) expect(ids, `model ${m} on the path`).toContain(`model:${m}`);
    expect(l.path.length).toBeGreaterThanOrEqual(3);
    const credited = d.lineage.edges
      .filter(
        (e: { kind: string; target: string }) =>
          e.kind === 'CREDITED' && e.target === `inference:${l.inferenceId}`,
      )
      .map((e: { source: string }) => e.source);
    expect(credited).toContain(`contribution:${l.topContributionId}`);
  });

  it('has the replay worker verify the honest attributions and catch every lie', async () => {
    const d = await gql('{ attributions(limit: 1000) { id verdict { verdict } } }');
    const verdict = new Map<string, string>(
      d.attributions.map((a: VerdictRow) => [a.id, a.verdict?.verdict]),
    );
    const a = truth.attributions;
    expect(a.manipulated.length + a.badHash.length).toBeGreaterThan(0);
    expect(Object.fromEntries(a.honest.map((id) => [id, verdict.get(id)]))).toEqual(
      Object.fromEntries(a.honest.map((id) => [id, 'VERIFIED'])),
    );
    for (const m of a.manipulated)
      expect(verdict.get(m.attributionId), `manipulated ${m.attributionId}`).toBe('MISMATCH');
    for (const b of a.badHash)
      expect(verdict.get(b.attributionId), `bad hash ${b.attributionId}`).toBe('UNVERIFIABLE');
  });

  it('resumes from the data directory on a second start: same chain, same index, nothing played twice', async () => {
    await running?.stop();
    running = undefined;
    lines.length = 0;
    // the format npm start uses on a terminal (and sets for its children): one readable line per event
    running = await launch(cfg, {
      write: (l) => lines.push(l),
      format: 'pretty',
      onFirstSync: () => {
        firstSyncAt = lines.length;
      },
    });
    expect(lines.some((l) => l.includes('resuming the devnet saved in'))).toBe(true);
    const end = Number(truth.endBlock);
    const d = await gql(
      '{ indexerStatus { headHeight indexedHeight } networkTotals { attributions inferences } }',
    );
    expect(d.indexerStatus.headHeight).toBeGreaterThanOrEqual(end); // the chain came back, not a new one
    expect(d.indexerStatus.indexedHeight).toBeGreaterThanOrEqual(end); // the index came back too
    expect(d.networkTotals).toEqual({
      attributions: truth.expected.entityCounts.attributions,
      inferences: truth.expected.entityCounts.inferences,
    });
  }, 600_000);
});
