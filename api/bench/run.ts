import { cpus, loadavg } from 'node:os';
import { TABLE } from '@ae/core/tables';
import { createTestDatabase, type TestDatabase } from '@ae/testkit';
import pg from 'pg';
import { createApi, loadApiConfig, migrateApi } from '../src/index.js';
import { type AdmissionResult, admissionLoad } from './admissionLoad.js';
import { lineageBench } from './lineageBench.js';
import { fillSynthetic, LARGE, SMALL } from './syntheticData.js';

/**
 * `npm run bench -w api`: lineage, connection and nested-list latency against their naive baselines
 * (lineageBench), and admission control: a cheap query's p95 while 200 clients send heavy queries, as a ratio to
 * its idle p95, with and without admission control in the same run (admissionLoad). Runs on an indexed
 * database when BENCH_DATABASE_URL is set, else on a synthetic large-scenario-shaped one (BENCH_SCALE=small: a
 * tenth of it). BENCH_ONLY=lineage
 * or BENCH_ONLY=admission runs one part.
 */
const ONLY = process.env.BENCH_ONLY;
const HEAVY_CLIENTS = Number(process.env.BENCH_HEAVY_CLIENTS ?? 200);
const ADMISSION_SECONDS = Number(process.env.BENCH_ADMISSION_SECONDS ?? 20);

const CHEAP = { query: '{ datanetById(id: "1") { id name contributionCount owner { id totalEarned } } }' };
const NESTED_HEAVY = `{ inferences(limit: 1000, orderBy: id_DESC) { id fee model { name owner { id } } user { id }
  attributions { shares { weightPpm contribution { id datanet { name } } } } } }`;
const LINEAGE_HEAVY =
  'query($id: ID!) { lineage(id: $id, direction: BOTH, depth: 6, maxNodes: 5000) { truncated nodes { id kind label data } edges { source target kind weight amount } } }';

async function main() {
  let tdb: TestDatabase | undefined;
  let url = process.env.BENCH_DATABASE_URL;
  let data = 'indexed database (BENCH_DATABASE_URL)';
  if (!url) {
    tdb = await createTestDatabase({ prefix: 'api_bench' });
    url = tdb.url;
    const p = new pg.Pool({ connectionString: url, max: 2 });
    const t = performance.now();
    const counts = await fillSynthetic(p, process.env.BENCH_SCALE === 'small' ? SMALL : LARGE);
    await p.end();
    data = `synthetic large-shaped data (${Object.entries(counts)
      .map(([k, v]) => `${v} ${k}`)
      .join(', ')}; filled in ${((performance.now() - t) / 1000).toFixed(1)} s)`;
  }
  await migrateApi(url);
  await migrateApi(url);
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  const naivePool = new pg.Pool({ connectionString: url, max: 10 });
  const heavyPool = new pg.Pool({ connectionString: url, max: loadApiConfig().heavyPoolSize });
  try {
    console.log(
      `\n## API bench — ${new Date().toISOString()}, ${cpus().length} cores (${cpus()[0]?.model ?? '?'}), Node ${process.version}, load average ${loadavg()
        .map((x) => x.toFixed(1))
        .join(' ')}`,
    );
    console.log(`data: ${data}`);
    if (ONLY !== 'admission') await lineageBench(pool, naivePool);
    if (ONLY !== 'lineage') {
      const inferences = (
        await pool.query(`SELECT inference_id AS id FROM ${TABLE.attribution} ORDER BY random() LIMIT 20`)
      ).rows.map((r) => `inference:${r.id}`);
      const heavy = [
        { query: NESTED_HEAVY },
        ...inferences.map((id) => ({ query: LINEAGE_HEAVY, variables: { id } })),
      ];
      // the API's own limits (API_HEAVY_* variables apply)
      const { limits, heavyPoolSize } = loadApiConfig();
      const results: AdmissionResult[] = [];
      const configs = [
        [
          `admission control (${limits.heavyConcurrency} heavy at a time on worker threads)`,
          () =>
            createApi({
              pool,
              limits,
              heavyWorkers: { databaseUrl: url, poolSize: heavyPoolSize },
              graphiql: false,
            }),
        ],
        [
          `admission control (${limits.heavyConcurrency} heavy at a time on the main thread)`,
          () => createApi({ pool, heavyPool, limits, graphiql: false, logError: () => {} }),
        ],
        [
          'no admission control (baseline)',
          () => createApi({ pool: naivePool, graphiql: false, admission: false, logError: () => {} }),
        ],
      ] as const;
      for (const [name, make] of configs) {
        const api = make();
        await api.ready();
        results.push(
          await admissionLoad({
            name,
            api,
            cheap: CHEAP,
            heavy,
            clients: HEAVY_CLIENTS,
            seconds: ADMISSION_SECONDS,
          }),
        );
        await api.close();
      }
      printAdmission(results);
    }
  } finally {
    await Promise.all([pool.end(), naivePool.end(), heavyPool.end()]);
    await tdb?.drop();
  }
}

function printAdmission(results: AdmissionResult[]) {
  const f = (x: number) => x.toFixed(1);
  console.log(
    `\n| ${HEAVY_CLIENTS} clients sending heavy queries (nested list of 1,000 inferences; lineage depth 6, ≤5,000 nodes) for ${ADMISSION_SECONDS} s; cheap query: datanetById with its owner | cheap p50 / p95 idle ms | cheap p50 / p95 loaded ms | p95 ratio | cheap failed | heavy answered / shed (503) / failed | event loop delay p99 ms |`,
  );
  console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const r of results) {
    console.log(
      `| ${r.name} | ${f(r.idleP50)} / ${f(r.idleP95)} | ${f(r.loadedP50)} / ${f(r.loadedP95)} | ${(r.loadedP95 / r.idleP95).toFixed(1)}x | ${r.cheapErrors} of ${r.cheapSamples} | ${r.heavyOk} / ${r.heavyShed} / ${r.heavyErrors} | ${f(r.loopDelayP99)} |`,
    );
  }
}

await main();
