import { cpus } from 'node:os';
import type { Matrix } from '../src/onnx/matrix.js';
import { knnShapleyBatch } from '../src/poa/knnShapleyBatch.js';
import { knnShapleyLoop } from '../src/poa/reference.js';
import { logitGradient, type TracinInput, tracinCpBatch } from '../src/poa/tracinCp.js';

/**
 * PoA engine throughput on CPU, in one run: queries scored per second for N training contributions, the
 * batched ONNX Runtime path (canonical settings: CPU provider, one intra-op thread) against a plain
 * TypeScript loop over the same data, and their ratio. BENCH_N overrides the sizes (comma-separated).
 */
const sizes = (process.env.BENCH_N ?? '10000,100000').split(',').map(Number);
const E = 16;
const C = 2;
const CHECKPOINTS = 3;
const K = 10;

let seed = 12345;
const rnd = () => {
  seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0;
  return seed / 2 ** 32;
};
const matrix = (rows: number, cols: number, f = () => Math.fround(rnd() * 2 - 1)): Matrix => ({
  rows,
  cols,
  data: Float64Array.from({ length: rows * cols }, f),
});
const probs = (rows: number): Matrix => {
  const m = matrix(rows, C, () => rnd());
  for (let i = 0; i < rows; i++) {
    let s = 0;
    for (let j = 0; j < C; j++) s += m.data[i * C + j];
    for (let j = 0; j < C; j++) m.data[i * C + j] /= s;
  }
  return m;
};

async function time(fn: () => Promise<unknown> | unknown): Promise<number> {
  const t = performance.now();
  await fn();
  return (performance.now() - t) / 1000;
}

/** The plain loop for TracIn-CP: for each query and training example, Σ_c η_c ⟨g, g'⟩ (⟨h, h'⟩ + 1). */
function tracinPlain(input: TracinInput): Float64Array[] {
  const n = input.trainLabels.length;
  const m = input.queryLabels.length;
  const out = Array.from({ length: m }, () => new Float64Array(n));
  for (const c of input.checkpoints) {
    const gt = logitGradient(c.train.probs, input.trainLabels);
    const gq = logitGradient(c.queries.probs, input.queryLabels);
    const ht = c.train.embeddings;
    const hq = c.queries.embeddings;
    for (let q = 0; q < m; q++)
      for (let i = 0; i < n; i++) {
        let gg = 0;
        for (let j = 0; j < C; j++) gg += gq.data[q * C + j] * gt.data[i * C + j];
        let hh = 1;
        for (let j = 0; j < E; j++) hh += hq.data[q * E + j] * ht.data[i * E + j];
        out[q][i] += c.lr * gg * hh;
      }
  }
  return out;
}

const rows: string[][] = [];
console.log(
  `PoA engine bench: ${new Date().toISOString()}, ${cpus()[0]?.model ?? 'cpu'} × ${cpus().length}, node ${process.version}, E=${E}, K=${K}`,
);
for (const n of sizes) {
  const train = matrix(n, E);
  const labels = Array.from({ length: n }, () => (rnd() < 0.35 ? 1 : 0));
  // knn-shapley: full neighbour sort per query; the batch size keeps memory bounded
  const mBatch = n <= 10_000 ? 256 : 32;
  const mLoop = n <= 10_000 ? 32 : 4;
  const queries = matrix(mBatch, E);
  const ql = Array.from({ length: mBatch }, () => (rnd() < 0.5 ? 1 : 0));
  await knnShapleyBatch({
    train: matrix(8, E),
    trainLabels: labels.slice(0, 8),
    queries: matrix(1, E),
    queryLabels: [0],
    k: K,
  }); // warm the session
  const tBatch = await time(() =>
    knnShapleyBatch({ train, trainLabels: labels, queries, queryLabels: ql, k: K }),
  );
  const tLoop = await time(() => {
    for (let q = 0; q < mLoop; q++)
      knnShapleyLoop(train, labels, queries.data.subarray(q * E, (q + 1) * E), ql[q], K);
  });
  const knnOrt = mBatch / tBatch;
  const knnTs = mLoop / tLoop;
  rows.push([
    `knn-shapley@1`,
    String(n),
    knnOrt.toFixed(1),
    knnTs.toFixed(1),
    `${(knnOrt / knnTs).toFixed(2)}×`,
  ]);

  // tracin-cp: 3 checkpoints, two Gram products each
  const tq = n <= 10_000 ? 256 : 64;
  const tl = n <= 10_000 ? 64 : 8;
  const cps = Array.from({ length: CHECKPOINTS }, (_, c) => ({
    lr: 0.1 / (c + 1),
    train: { embeddings: matrix(n, E), probs: probs(n) },
    queries: { embeddings: matrix(tq, E), probs: probs(tq) },
  }));
  const tql = Array.from({ length: tq }, () => (rnd() < 0.5 ? 1 : 0));
  const input: TracinInput = { trainLabels: labels, queryLabels: tql, checkpoints: cps };
  const tB = await time(() => tracinCpBatch(input));
  const small: TracinInput = {
    trainLabels: labels,
    queryLabels: tql.slice(0, tl),
    checkpoints: cps.map((c) => ({
      ...c,
      queries: {
        embeddings: {
          ...c.queries.embeddings,
          rows: tl,
          data: c.queries.embeddings.data.subarray(0, tl * E),
        },
        probs: { ...c.queries.probs, rows: tl, data: c.queries.probs.data.subarray(0, tl * C) },
      },
    })),
  };
  const tL = await time(() => tracinPlain(small));
  rows.push([
    `tracin-cp@1 (${CHECKPOINTS} ckpt)`,
    String(n),
    (tq / tB).toFixed(1),
    (tl / tL).toFixed(1),
    `${(tq / tB / (tl / tL)).toFixed(2)}×`,
  ]);
}
const head = ['method', 'N', 'ORT batched q/s', 'TS loop q/s', 'ratio'];
const w = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
const line = (r: string[]) => `| ${r.map((c, i) => c.padEnd(w[i])).join(' | ')} |`;
console.log([line(head), `|${w.map((x) => '-'.repeat(x + 2)).join('|')}|`, ...rows.map(line)].join('\n'));
console.log(
  'GPU: none on this machine (CPU execution provider only); the replay worker bench is bench/replay.ts.',
);
