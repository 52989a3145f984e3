import { spawn } from 'node:child_process';
import { cpus } from 'node:os';
import { fileURLToPath } from 'node:url';
import { freePort } from '@ae/devnet';
import { launchChromium } from '../test/e2e/browser.js';
import { startFakeApi } from './fakeApi.js';

/**
 * `npm run bench -w explorer`: in Debian's Chromium against the production build,
 * 1. time from navigation to a drawn 2,000-node lineage graph (target < 1 s), against a 20-node graph;
 * 2. the home page's largest contentful paint, against the not-found page (same layout, no data).
 * The API is a synthetic stand-in (bench/fakeApi.ts): this measures the explorer, not the API.
 */
const ROOT = fileURLToPath(new URL('..', import.meta.url));
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const BIG = 2000;

const median = (a: number[]) => [...a].sort((x, y) => x - y)[Math.floor(a.length / 2)];

const apiPort = await freePort();
const api = await startFakeApi(apiPort, BIG);
const port = await freePort();
const explorer = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
  cwd: ROOT,
  env: {
    ...process.env,
    API_URL: `http://127.0.0.1:${apiPort}/graphql`,
    EXPLORER_PORT: String(port),
    EXPLORER_HOST: '127.0.0.1',
  },
  stdio: ['ignore', 'inherit', 'inherit'],
});
const base = `http://127.0.0.1:${port}`;
for (let i = 0; ; i++) {
  try {
    if ((await fetch(`${base}/datanets`)).ok) break;
  } catch {
    /* starting */
  }
  if (i > 1200) throw new Error('explorer did not start');
  await new Promise((r) => setTimeout(r, 250));
}

const { context, close } = await launchChromium();
const page = await context.newPage();

/** [navigation → drawn, data received → painted (the component's own performance.measure)] */
async function graphTime(rootId: string, expected: number): Promise<[number, number]> {
  const t0 = Date.now();
  await page.goto(`${base}/lineage/${encodeURIComponent(rootId)}`, { waitUntil: 'commit' });
  // every node is drawn: as an element, or (large graphs, level of detail) as a box of the overview path
  await page.waitForSelector(`svg.graph[data-nodes="${expected}"]`, { timeout: 30_000, state: 'attached' });
  const render = await page.waitForFunction(
    (n) => performance.getEntriesByName(`lineage:render:${n}`)[0]?.duration,
    expected,
    { timeout: 30_000 },
  );
  return [Date.now() - t0, (await render.jsonValue()) as number];
}

async function lcp(path: string): Promise<number> {
  await page.goto(`${base}${path}`, { waitUntil: 'networkidle' });
  return page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        new PerformanceObserver((l) => {
          const e = l.getEntries();
          resolve(e[e.length - 1].startTime);
        }).observe({ type: 'largest-contentful-paint', buffered: true });
      }),
  );
}

await graphTime('model:0', BIG); // warm-up: caches, JIT
const big: number[] = [];
const small: number[] = [];
const bigRender: number[] = [];
const smallRender: number[] = [];
for (let i = 0; i < RUNS; i++) {
  const [b, br] = await graphTime('model:0', BIG);
  const [s, sr] = await graphTime('model:1', 1);
  big.push(b);
  bigRender.push(br);
  small.push(s);
  smallRender.push(sr);
}
await lcp('/');
const home: number[] = [];
const notFound: number[] = [];
for (let i = 0; i < RUNS; i++) {
  home.push(await lcp('/'));
  notFound.push(await lcp('/datanet/does-not-exist'));
}
await close();
explorer.kill('SIGTERM');
api.close();

const rows = [
  ['lineage graph, 2,000 nodes: data → painted', median(bigRender), 'graph, 1 node', median(smallRender)],
  ['lineage page, 2,000 nodes: navigation → drawn', median(big), 'graph, 1 node', median(small)],
  ['home page LCP', median(home), 'not-found page LCP', median(notFound)],
] as const;
console.log(
  `explorer bench — ${new Date().toISOString()} — ${cpus().length}× ${cpus()[0]?.model ?? 'cpu'} — Chromium ${context.browser()?.version() ?? '/usr/bin/chromium'} — median of ${RUNS}`,
);
console.log('| measurement | ms | baseline | baseline ms | ratio |');
console.log('| --- | ---: | --- | ---: | ---: |');
for (const [name, v, bname, b] of rows)
  console.log(`| ${name} | ${v.toFixed(0)} | ${bname} | ${b.toFixed(0)} | ${(v / b).toFixed(2)} |`);
console.log(`target: 2,000-node graph rendered < 1000 ms → ${median(bigRender) < 1000 ? 'met' : 'NOT met'}`);
process.exit(0);
