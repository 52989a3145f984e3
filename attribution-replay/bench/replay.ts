import { cpus } from 'node:os';
import { TABLE } from '@ae/core/tables';
import { startScenarioHarness } from '@ae/testkit';
import pg from 'pg';
import { loadConfig } from '../src/config.js';
import { bindReplay } from '../src/verify/bindReplay.js';
import { persistVerdicts, processAttributions } from '../src/worker/processJobs.js';

/**
 * Replay throughput on CPU, all modes in one run over the same attributions (the first BENCH_LIMIT of the
 * scenario, in posting order, as the worker's queue delivers them):
 * - one at a time: each attribution alone, nothing kept between attributions (the baseline);
 * - batched: REPLAY_BATCH_SIZE jobs at once grouped by model, nothing kept between batches;
 * - batched + model cache: as the worker runs by default (REPLAY_MODEL_CACHE prepared training sets kept).
 * Each writes its verdicts like the worker does. BENCH_SCALE=small|medium (default medium).
 */
const scale = (process.env.BENCH_SCALE ?? 'medium') as 'small' | 'medium';
const batchSize = Number(process.env.REPLAY_BATCH_SIZE ?? 64);
const limit = Number(process.env.BENCH_LIMIT ?? 640);
const single = Number(process.env.BENCH_SINGLE ?? 64);

const began = performance.now();
const h = await startScenarioHarness({ scale, prefix: 'replay_bench' });
console.log(`scenario ${scale} played and indexed in ${((performance.now() - began) / 1000).toFixed(1)} s`);
const pool = new pg.Pool({ connectionString: h.db.url, max: 4 });
try {
  const env = { DATABASE_URL: h.db.url, ARTIFACTS_DIR: h.artifactsDir, DEPLOYMENT_FILE: h.deploymentFile };
  const deps = async (modelCache: number) => ({
    ...(await bindReplay({ ...loadConfig(env), device: 'cpu', modelCache })),
    db: pool,
  });
  const all = (await pool.query(`SELECT id FROM ${TABLE.attribution} ORDER BY index`)).rows.map(
    (r) => r.id as string,
  );
  const ids = all.slice(0, limit);
  const models = Number(
    (await pool.query(`SELECT count(DISTINCT model_id) FROM ${TABLE.attribution} WHERE id = ANY($1)`, [ids]))
      .rows[0].count,
  );
  const time = async (label: string, work: () => Promise<number>) => {
    const t = performance.now();
    const n = await work();
    const s = (performance.now() - t) / 1000;
    return { label, n, s, rate: n / s };
  };
  const counts: Record<string, number> = {};
  const batched = async (modelCache: number) => {
    const d = await deps(modelCache);
    for (let i = 0; i < ids.length; i += batchSize) {
      const results = await processAttributions(d, ids.slice(i, i + batchSize));
      await persistVerdicts(pool, results);
      if (modelCache > 0)
        for (const r of results) counts[r.verdict.verdict] = (counts[r.verdict.verdict] ?? 0) + 1;
    }
    return ids.length;
  };
  const step = Math.max(1, Math.floor(ids.length / Math.min(single, ids.length)));
  const sample = ids.filter((_, i) => i % step === 0).slice(0, single);
  const rows = [
    await time('one at a time, nothing kept (baseline)', async () => {
      const d = await deps(0);
      for (const id of sample) await persistVerdicts(pool, await processAttributions(d, [id]));
      return sample.length;
    }),
    await time(`batched by model (batch ${batchSize}), nothing kept`, () => batched(0)),
    await time(`batched by model (batch ${batchSize}) + model cache (worker default)`, () => batched(4)),
  ];
  console.log(
    `\nreplay bench — ${new Date().toISOString()} — ${cpus()[0]?.model ?? 'cpu'} x${cpus().length}, device cpu (canonical), no GPU`,
  );
  console.log(
    `scenario ${scale}: ${all.length} attributions; replayed the first ${ids.length} (${models} models); verdicts ${JSON.stringify(counts)}`,
  );
  console.log('| mode | attributions | seconds | attributions/s | vs baseline |');
  console.log('| --- | ---: | ---: | ---: | ---: |');
  for (const r of rows)
    console.log(
      `| ${r.label} | ${r.n} | ${r.s.toFixed(2)} | ${r.rate.toFixed(2)} | ${(r.rate / rows[0].rate).toFixed(1)}x |`,
    );
} finally {
  await pool.end();
  await h.close();
}
