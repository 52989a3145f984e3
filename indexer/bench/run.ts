/**
 * `npm run bench -w indexer`: events/s, peak memory and where the time goes when the indexer backfills the
 * large scenario, against a baseline of the same handlers writing after every event, measured in the same run
 * on the same prefix of the chain; then the same with every block hot, and following the head.
 *
 * The indexer runs compiled, as `npm start` runs it (buildIndexer: `tsc -b`, incremental), except in the
 * three-store comparison, whose stock-store variants are TypeScript entry modules (all three run through tsx).
 *
 *   BENCH_SCALE (large) · BENCH_BASELINE_EVENTS (30000) · BENCH_HOT_EVENTS (10000)
 *   BENCH_FOLLOW_ROUNDS (5), BENCH_FOLLOW_N (100) · BENCH_RPC_URL + BENCH_DEPLOYMENT_FILE (a running chain)
 *   BENCH_ONLY=stores: only the three-store comparison (threeStores.ts); BENCH_STORES=0 skips it
 *   BENCH_ONLY=ponder: only the Ponder 0.16 comparison (ponderCompare.ts) on BENCH_PONDER_SCALE (medium),
 *   BENCH_PONDER_ROUNDS (2) interleaved rounds; BENCH_PONDER=0 skips it. It needs `npm run bench:setup` (the
 *   Ponder app's own install) and says so instead of running when that is missing.
 */
import { cpus } from 'node:os';
import { benchChain } from './benchChain.js';
import { buildIndexer } from './buildIndexer.js';
import { followHead } from './followHead.js';
import { type IndexRun, indexOnce, prefixHeight } from './indexOnce.js';
import { ponderCompare } from './ponderCompare.js';
import { printReport } from './report.js';
import { threeStores } from './threeStores.js';

const num = (name: string, fallback: number) => Number(process.env[name] ?? fallback);

const only = process.env.BENCH_ONLY;
if (only !== 'stores') buildIndexer();
if (process.env.BENCH_PONDER !== '0' || only === 'ponder') {
  const scale = process.env.BENCH_PONDER_SCALE ?? 'medium';
  const pc = await benchChain({ ...process.env, BENCH_SCALE: scale });
  console.log(`Ponder comparison, chain: ${pc.source}, head ${pc.head}`);
  try {
    const ok = await ponderCompare(pc, num('BENCH_PONDER_ROUNDS', 2));
    if (!ok && only === 'ponder') process.exitCode = 1;
  } finally {
    await pc.stop();
  }
  if (only === 'ponder') process.exit();
}

const tChain = performance.now();
const chain = await benchChain();
console.log(
  `chain: ${chain.source}, head ${chain.head} (${((performance.now() - tChain) / 1000).toFixed(0)} s)`,
);
const run = (label: string, stopAt: number, opts: { hot?: boolean; env?: Record<string, string> } = {}) =>
  indexOnce({
    label,
    rpcUrl: chain.rpcUrl,
    deployment: chain.deployment,
    stopAt,
    finality: opts.hot ? stopAt + 10 : 10,
    env: opts.env,
    compiled: true,
  }).then((r) => {
    console.log(`  ${label}: ${r.events} events, ${r.eventsPerSecond.toFixed(0)} events/s`);
    return r;
  });

const runs: IndexRun[] = [];
try {
  if (process.env.BENCH_STORES !== '0' || only === 'stores')
    await threeStores(chain, num('BENCH_HOT_EVENTS', 10_000));
  if (only === 'stores') process.exit(0);
  const full = await run('backfill, whole chain, batched', chain.head);
  runs.push(full);
  const base = prefixHeight(full.eventsByBlock, num('BENCH_BASELINE_EVENTS', 30_000));
  const hot = prefixHeight(full.eventsByBlock, num('BENCH_HOT_EVENTS', 10_000));
  runs.push(await run(`backfill to block ${base}, batched`, base));
  runs.push(
    await run(`backfill to block ${base}, batched, FK_CHECKS=on`, base, { env: { FK_CHECKS: 'on' } }),
  );
  runs.push(
    await run(`backfill to block ${base}, row per event (baseline)`, base, {
      env: { INDEXER_MODE: 'row-per-event' },
    }),
  );
  runs.push(await run(`every block hot, to block ${hot}, batched`, hot, { hot: true }));
  runs.push(
    await run(`every block hot, to block ${hot}, row per event (baseline)`, hot, {
      hot: true,
      env: { INDEXER_MODE: 'row-per-event' },
    }),
  );
  runs.push(
    await run('backfill, whole chain, batched, INDEX_DEFERRAL=off', chain.head, {
      env: { INDEX_DEFERRAL: 'off' },
    }),
  );
} finally {
  await chain.stop();
}
const follow = await followHead(num('BENCH_FOLLOW_ROUNDS', 5), num('BENCH_FOLLOW_N', 100));
console.log(
  `\nmachine: ${cpus().length} × ${cpus()[0]?.model}, node ${process.version}, ${new Date().toISOString()}`,
);
printReport(chain.source, runs, follow);
