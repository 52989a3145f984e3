import { cpus } from 'node:os';
import pg from 'pg';
import { loadConfig } from '../src/config.js';
import { bindReplay } from '../src/verify/bindReplay.js';
import { persistVerdicts, processAttributions } from '../src/worker/processJobs.js';
import { startHarness } from '../test/chainHarness.js';

/**
 * Replay throughput on CPU, in one run: attributions verified per second when the worker batches a model's
 * queries (REPLAY_BATCH_SIZE jobs fetched at once, grouped by model: one embedding pass of the training set
 * per batch) against replaying one attribution at a time (everything loaded and embedded per attribution).
 * Scale: BENCH_SCALE=small|medium (default medium); BENCH_UNBATCHED caps the one-at-a-time sample.
 */
const scale = (process.env.BENCH_SCALE ?? 'medium') as 'small' | 'medium';
const batchSize = Number(process.env.REPLAY_BATCH_SIZE ?? 64);
const sample = Number(process.env.BENCH_UNBATCHED ?? 200);

const began = performance.now();
const h = await startHarness({ scale, prefix: 'replay_bench' });
console.log(`scenario ${scale} played and indexed in ${((performance.now() - began) / 1000).toFixed(1)} s`);
const pool = new pg.Pool({ connectionString: h.db.url, max: 4 });
try {
  const cfg = {
    ...loadConfig({
      DATABASE_URL: h.db.url,
      ARTIFACTS_DIR: h.artifactsDir,
      DEPLOYMENT_FILE: h.deploymentFile,
    }),
    device: 'cpu' as const,
  };
  const deps = { ...(await bindReplay(cfg, { log: (l: string) => console.log(l) })), db: pool };
  const rows = (
    await pool.query(
      'SELECT a.id, i.model_id FROM attribution a JOIN inference i ON i.id = a.inference_id ORDER BY a.index',
    )
  ).rows as { id: string; model_id: string }[];

  // batched, as the worker fetches: consecutive jobs, grouped by model inside each fetched batch
  let t = performance.now();
  const counts: Record<string, number> = {};
  for (let i = 0; i < rows.length; i += batchSize) {
    const results = await processAttributions(
      deps,
      rows.slice(i, i + batchSize).map((x) => x.id),
    );
    await persistVerdicts(pool, results);
    for (const r of results) counts[r.verdict.verdict] = (counts[r.verdict.verdict] ?? 0) + 1;
  }
  const batchedS = (performance.now() - t) / 1000;

  // one at a time, no batching, on an evenly spaced sample
  const step = Math.max(1, Math.floor(rows.length / Math.min(sample, rows.length)));
  const picked = rows.filter((_, i) => i % step === 0).slice(0, sample);
  t = performance.now();
  for (const r of picked) await persistVerdicts(pool, await processAttributions(deps, [r.id]));
  const singleS = (performance.now() - t) / 1000;

  const batched = rows.length / batchedS;
  const single = picked.length / singleS;
  console.log(
    `\nreplay bench — ${new Date().toISOString()} — ${cpus()[0]?.model ?? 'cpu'} x${cpus().length}, device ${deps.runner.device}, no GPU used`,
  );
  console.log(`verdicts: ${JSON.stringify(counts)}`);
  console.log('| mode | attributions | seconds | attributions/s |');
  console.log('| --- | ---: | ---: | ---: |');
  console.log(
    `| batched by model (batch ${batchSize}) | ${rows.length} | ${batchedS.toFixed(2)} | ${batched.toFixed(1)} |`,
  );
  console.log(
    `| one at a time (baseline) | ${picked.length} | ${singleS.toFixed(2)} | ${single.toFixed(1)} |`,
  );
  console.log(`ratio batched / one-at-a-time: ${(batched / single).toFixed(1)}x`);
} finally {
  await pool.end();
  await h.close();
}
