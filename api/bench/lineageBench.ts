import { createServer, type Server } from 'node:http';
import { TABLE } from '@ae/core/tables';
import autocannon from 'autocannon';
import type pg from 'pg';
import { DEFAULT_LIMITS } from '../src/config.js';
import { createDb } from '../src/db/db.js';
import { createApi } from '../src/index.js';
import { lineage } from '../src/lineage/lineage.js';
import { naiveLineage } from './naiveLineage.js';
import { pct } from './percentile.js';

const REPS = Number(process.env.BENCH_REPS ?? 60);
const LOAD_SECONDS = Number(process.env.BENCH_LOAD_SECONDS ?? 8);

async function timeIt(n: number, fn: (i: number) => Promise<unknown>) {
  for (let i = 0; i < 3; i++) await fn(i); // warm-up
  const ms: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    await fn(i);
    ms.push(performance.now() - t);
  }
  return { p50: pct(ms, 50), p95: pct(ms, 95) };
}

/** Requests the bench servers are still answering (a load test's clients hang up before the resolvers end). */
let inflight = 0;

function listen(handler: Parameters<typeof createServer>[1]): Promise<{ server: Server; url: string }> {
  const server = createServer((req, res) => {
    inflight++;
    Promise.resolve((handler as (q: typeof req, s: typeof res) => unknown)(req, res)).finally(
      () => inflight--,
    );
  });
  return new Promise((ok) =>
    server.listen(0, '127.0.0.1', () =>
      ok({ server, url: `http://127.0.0.1:${(server.address() as { port: number }).port}/graphql` }),
    ),
  );
}

async function post(url: string, query: string, variables?: Record<string, unknown>) {
  const r = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await r.json()) as { errors?: unknown[] };
  if (body.errors) throw new Error(JSON.stringify(body.errors).slice(0, 300));
  return body;
}

const LINEAGE =
  'query($id: ID!, $d: Int) { lineage(id: $id, direction: BOTH, depth: $d) { truncated nodes { id kind label } edges { source target kind weight } } }';
const CONNECTION = `query($m: String!) { inferencesConnection(where: {model: {id_eq: $m}, fee_gt: "0"}, orderBy: [timestamp_DESC], first: 50) {
  totalCount edges { node { id fee timestamp user { id } model { name } } } } }`;
const NESTED = `{ inferences(limit: 50, orderBy: [id_DESC]) { id fee model { name owner { id } } user { id }
  attributions { id shares { weightPpm contribution { id datanet { name } } } } } }`;

async function load(url: string) {
  const r = await autocannon({
    url,
    method: 'POST',
    connections: 10,
    duration: LOAD_SECONDS,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: NESTED }),
  });
  return { rps: r.requests.average, p95: r.latency.p97_5 ?? r.latency.p99, errors: r.errors + r.non2xx };
}

/**
 * Latency (p50/p95) of lineage at depth 3 and 6 and of a filtered connection query, and requests/s of a nested
 * list query under concurrent load (autocannon), each against its naive baseline in the same run (per-hop
 * lineage from JavaScript; per-field resolvers without dataloader batching).
 */
export async function lineageBench(pool: pg.Pool, naivePool: pg.Pool): Promise<void> {
  const fast = await listen(createApi({ pool, graphiql: false }));
  const db = createDb(pool, 10_000);
  const naive = await listen(createApi({ pool: naivePool, graphiql: false, batching: false }));
  const inf = (
    await pool.query(
      `SELECT id FROM ${TABLE.inference} WHERE id IN (SELECT inference_id FROM ${TABLE.attribution}) ORDER BY random() LIMIT 200`,
    )
  ).rows.map((r) => r.id as string);
  const models = (
    await pool.query(`SELECT id FROM ${TABLE.model} ORDER BY inference_count DESC, id LIMIT 20`)
  ).rows.map((r) => r.id as string);
  const contributions = (
    await pool.query(
      `SELECT id FROM ${TABLE.contribution} WHERE total_weight_ppm > 0 ORDER BY random() LIMIT 200`,
    )
  ).rows.map((r) => `contribution:${r.id}`);
  const inferences = inf.map((id) => `inference:${id}`);
  const rows: string[][] = [];
  for (const [what, ids, depth] of [
    ['an inference', inferences, 3],
    ['an inference', inferences, 6],
    ['a credited contribution', contributions, 6],
  ] as const) {
    const http = await timeIt(REPS, (i) => post(fast.url, LINEAGE, { id: ids[i % ids.length], d: depth }));
    const sql = await timeIt(REPS, (i) =>
      lineage(db, DEFAULT_LIMITS, { id: ids[i % ids.length], direction: 'BOTH', depth }),
    );
    const base = await timeIt(Math.max(10, Math.floor(REPS / 4)), (i) =>
      naiveLineage(naivePool, ids[i % ids.length], depth, 500),
    );
    rows.push([
      `lineage BOTH depth ${depth} from ${what} (≤500 nodes)`,
      `${fmt(http.p50)} / ${fmt(http.p95)}`,
      fmt(sql.p50),
      fmt(sql.p95),
      fmt(base.p50),
      fmt(base.p95),
      `${(base.p95 / sql.p95).toFixed(1)}x`,
    ]);
  }
  const sample = (await post(fast.url, LINEAGE, { id: `inference:${inf[0]}`, d: 6 })) as {
    data: { lineage: { nodes: unknown[]; truncated: boolean } };
  };
  const c1 = await timeIt(REPS, (i) => post(fast.url, CONNECTION, { m: models[i % models.length] }));
  const c0 = await timeIt(REPS, (i) => post(naive.url, CONNECTION, { m: models[i % models.length] }));
  rows.push([
    'filtered connection (first 50, totalCount, 2 relations), over HTTP',
    '',
    fmt(c1.p50),
    fmt(c1.p95),
    fmt(c0.p50),
    fmt(c0.p95),
    `${(c0.p95 / c1.p95).toFixed(1)}x`,
  ]);
  const lf = await load(fast.url);
  const ln = await load(naive.url);
  console.log(
    `\nlineage depth-6 sample: ${sample.data.lineage.nodes.length} nodes, truncated=${sample.data.lineage.truncated}\n`,
  );
  console.log(
    '| query | over HTTP p50 / p95 ms | p50 ms | p95 ms | baseline p50 ms | baseline p95 ms | p95 ratio |',
  );
  console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const r of rows) console.log(`| ${r.join(' | ')} |`);
  console.log(
    `\n| load: nested list (50 inferences + model/owner/user/attributions/shares/contributions/datanets), 10 connections, ${LOAD_SECONDS} s | req/s | p97.5 ms | errors |`,
  );
  console.log('| --- | ---: | ---: | ---: |');
  console.log(`| dataloader batching | ${lf.rps.toFixed(1)} | ${lf.p95} | ${lf.errors} |`);
  console.log(`| naive per-field resolvers (baseline) | ${ln.rps.toFixed(1)} | ${ln.p95} | ${ln.errors} |`);
  console.log(`| ratio | ${(lf.rps / Math.max(ln.rps, 0.001)).toFixed(1)}x | | |`);
  await Promise.all(
    [fast, naive].map(
      (x) =>
        new Promise((ok) => {
          x.server.closeIdleConnections(); // busy ones end with their request
          x.server.close(ok);
        }),
    ),
  );
  while (inflight > 0) await new Promise((r) => setTimeout(r, 50));
}

const fmt = (x: number) => x.toFixed(1);
