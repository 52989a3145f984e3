/**
 * `npm run bench -w indexer`: events/s and peak memory of the indexer on a generated chain, batched handlers
 * against the same handlers writing after every event (baseline), for a historical backfill (final blocks),
 * a backfill where every block is hot (the store's change log on every write), and following the head.
 *
 *   BENCH_ROUNDS (default 24) rounds of activity, BENCH_N (default 100) contributions/inferences per round.
 */
import { readFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { startAnvil } from '@ae/devnet';
import pg from 'pg';
import { createTestDatabase } from '../src/testing/createTestDatabase.js';
import { activityRound, setupActivity } from '../src/testing/generateActivity.js';
import { ProtocolDriver } from '../src/testing/protocolDriver.js';
import { startIndexer } from '../src/testing/startIndexer.js';

const rounds = Number(process.env.BENCH_ROUNDS ?? 24);
const n = Number(process.env.BENCH_N ?? 100);

interface Summary {
  events: number;
  blocks: number;
  batches: number;
  wallMs: number;
  decodeMs: number;
  loadMs: number;
  applyMs: number;
  writeMs: number;
  handlerMs: number;
  bulkQueries: number;
  singleLookups: number;
}

function peakRssMb(pid: number | undefined): number {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : 0;
  } catch {
    return 0;
  }
}

const anvil = await startAnvil({ log: undefined });
const d = await ProtocolDriver.deploy(anvil.rpcUrl, anvil.chainId);
const w = await setupActivity(d);
const tGen = performance.now();
for (let r = 0; r < rounds; r++) await activityRound(d, w, { n, k: 8, salt: `r${r}` });
const head = await d.blockNumber();
console.log(
  `generated ${rounds} rounds (n=${n}) up to block ${head} in ${((performance.now() - tGen) / 1000).toFixed(1)} s`,
);

async function backfill(label: string, env: Record<string, string>, finality: number) {
  const db = await createTestDatabase({ prefix: 'bench' });
  const ix = startIndexer({
    databaseUrl: db.url,
    rpcUrl: anvil.rpcUrl,
    deployment: d.deployment,
    finalityConfirmations: finality,
    stopAt: head,
    env: { PROGRESS_INTERVAL_S: '3600', ...env },
  });
  let peak = 0;
  const timer = setInterval(() => {
    peak = Math.max(peak, peakRssMb(ix.process.pid));
  }, 50);
  const code = await ix.exited;
  clearInterval(timer);
  await db.drop();
  const line = ix
    .output()
    .split('\n')
    .find((l) => l.includes('"indexer summary"'));
  if (code !== 0 || !line)
    throw new Error(`${label}: indexer exited with ${code}\n${ix.output().slice(-3000)}`);
  const s = JSON.parse(line) as Summary;
  return { label, s, peak, eps: s.events / (s.wallMs / 1000) };
}

async function follow(label: string, env: Record<string, string>, extraRounds: number) {
  const db = await createTestDatabase({ prefix: 'bench' });
  const ix = startIndexer({
    databaseUrl: db.url,
    rpcUrl: anvil.rpcUrl,
    deployment: d.deployment,
    finalityConfirmations: 10,
    env: { PROGRESS_INTERVAL_S: '3600', ...env },
  });
  await ix.waitForHeight(await d.blockNumber(), 600_000);
  const c = new pg.Client({ connectionString: db.url });
  await c.connect();
  const events0 = Number((await c.query(`SELECT events FROM global_stat`)).rows[0].events);
  const lags: number[] = [];
  const t0 = performance.now();
  for (let r = 0; r < extraRounds; r++) {
    await activityRound(d, w, { n, k: 8, salt: `f${label}${r}` });
    const h = await d.blockNumber();
    const t = performance.now();
    await ix.waitForHeight(h, 600_000);
    lags.push(performance.now() - t);
  }
  const secs = (performance.now() - t0) / 1000;
  const events = Number((await c.query(`SELECT events FROM global_stat`)).rows[0].events) - events0;
  const peak = peakRssMb(ix.process.pid);
  await c.end();
  await ix.stop();
  await db.drop();
  lags.sort((a, b) => a - b);
  return {
    label,
    events,
    secs,
    lagMedianMs: lags[Math.floor(lags.length / 2)],
    lagMaxMs: lags[lags.length - 1],
    peak,
  };
}

const runs = [
  await backfill('backfill, batched', {}, 10),
  await backfill('backfill, row-per-event (baseline)', { INDEXER_MODE: 'row-per-event' }, 10),
  await backfill('hot backfill (all blocks unfinalized), batched', {}, head + 10),
  await backfill('hot backfill, row-per-event (baseline)', { INDEXER_MODE: 'row-per-event' }, head + 10),
];
const followRuns = [await follow('batched', {}, 3)];

const f = (x: number, d = 0) => x.toFixed(d);
console.log(
  `\nmachine: ${cpus().length} × ${cpus()[0]?.model}, node ${process.version}, date ${new Date().toISOString()}`,
);
console.log(`chain: ${head} blocks, ${runs[0].s.events} protocol events\n`);
console.log(
  '| run | events/s | wall s | peak RSS MB | batches | decode ms | load ms | apply ms | write ms | outside handler ms (RPC, commit) | single lookups |',
);
console.log('|---|---|---|---|---|---|---|---|---|---|---|');
for (const r of runs) {
  const s = r.s;
  console.log(
    `| ${r.label} | ${f(r.eps)} | ${f(s.wallMs / 1000, 2)} | ${f(r.peak)} | ${s.batches} | ${f(s.decodeMs)} | ${f(s.loadMs)} | ${f(s.applyMs)} | ${f(s.writeMs)} | ${f(s.wallMs - s.handlerMs)} | ${s.singleLookups} |`,
  );
}
console.log(
  `\nratio batched / row-per-event: backfill ${f(runs[0].eps / runs[1].eps, 1)}×, hot backfill ${f(runs[2].eps / runs[3].eps, 1)}×`,
);
for (const r of followRuns) {
  console.log(
    `following the head (${r.label}): ${r.events} events in ${f(r.secs, 1)} s of chain activity, catch-up after each round median ${f(r.lagMedianMs)} ms, max ${f(r.lagMaxMs)} ms, peak RSS ${f(r.peak)} MB`,
  );
}
await anvil.stop();
