/**
 * Attribution quality on real mail (issue 19): mislabel detection AUC per detector and seed, and the
 * linear datamodeling score per method. `npm run bench:quality -w devnet` (QUALITY_SEEDS, LDS_* to change
 * the setting). Prints Markdown tables for BENCHMARKS.md, with the machine load.
 */
import { loadavg } from 'node:os';
import { loadSpamCorpus, seededShuffle } from '../src/model-factory/corpus.js';
import { DETECTORS, detectionExperiment } from '../src/model-factory/detection.js';
import { evaluateWeights } from '../src/model-factory/evaluate.js';
import { LDS_METHODS, ldsExperiment } from '../src/model-factory/ldsExperiment.js';
import { trainModel } from '../src/model-factory/train.js';
import { SCALES } from '../src/scenario/scales.js';

const env = (k: string, d: number) => Number(process.env[k] ?? d);
const seeds = (process.env.QUALITY_SEEDS ?? '7,8,9,10,11').split(',').map(Number);
const f = (x: number) => (Number.isNaN(x) ? '—' : x.toFixed(3));
console.log(
  `load average at start: ${loadavg()
    .map((x) => x.toFixed(1))
    .join(' ')}`,
);

if (process.env.SKIP_DETECTION !== '1') {
  const trainSize = env('DETECT_TRAIN', 2000);
  console.log(
    `\n### Detection AUC (train ${trainSize}, contributor 0 of 5 flips 15 %, 300 queries, 300 validation, K = 10)\n`,
  );
  console.log(`| detector | ${seeds.map((s) => `seed ${s}`).join(' | ')} | mean |`);
  console.log(`| --- | ${seeds.map(() => '---:').join(' | ')} | ---: |`);
  const rows = new Map<string, number[]>();
  for (const seed of seeds) {
    const r = await detectionExperiment({
      trainSize,
      queries: 300,
      validation: 300,
      contributors: 5,
      flipShare: 0.15,
      k: 10,
      seed,
      trak: true,
    });
    for (const d of DETECTORS) rows.set(d, [...(rows.get(d) ?? []), r.auc[d]]);
  }
  for (const d of DETECTORS) {
    const v = rows.get(d)!;
    console.log(`| ${d} | ${v.map(f).join(' | ')} | ${f(v.reduce((a, b) => a + b, 0) / v.length)} |`);
  }
}

if (process.env.SKIP_LDS !== '1') {
  const o = {
    trainSize: env('LDS_TRAIN', 200),
    tests: env('LDS_TESTS', 50),
    subsets: env('LDS_SUBSETS', 20),
    retrains: env('LDS_RETRAINS', 5),
    k: 10,
  };
  const ldsSeeds = (process.env.LDS_SEEDS ?? '7').split(',').map(Number);
  console.log(
    `\n### LDS (train ${o.trainSize}, ${o.tests} tests, ${o.subsets} subsets at 50 %, ${o.retrains} retrains each)\n`,
  );
  console.log(`| method | ${ldsSeeds.map((s) => `seed ${s}`).join(' | ')} |`);
  console.log(`| --- | ${ldsSeeds.map(() => '---:').join(' | ')} |`);
  const reports = [];
  for (const seed of ldsSeeds) reports.push(await ldsExperiment({ ...o, seed }));
  for (const m of LDS_METHODS) console.log(`| ${m} | ${reports.map((r) => f(r.lds[m])).join(' | ')} |`);
  console.log(
    `| retrain agreement (2 vs 3 retrains) | ${reports.map((r) => f(r.retrainAgreement)).join(' | ')} |`,
  );
  console.log(`| minutes | ${reports.map((r) => r.minutes.toFixed(1)).join(' | ')} |`);
}
if (process.env.SKIP_ACCURACY !== '1') {
  // each preset's datanet size after curation, trained by the Model Factory as the scenario's base models are
  const accSeeds = (process.env.ACCURACY_SEEDS ?? '1,2,3').split(',').map(Number);
  console.log('\n### Held-out accuracy per preset (base model on one datanet, 1,000 unused messages)\n');
  console.log(
    `| preset | training messages | ${accSeeds.map((s) => `seed ${s}`).join(' | ')} | majority rate | classes predicted | seconds per model |`,
  );
  console.log(`| --- | ---: | ${accSeeds.map(() => '---:').join(' | ')} | ---: | ---: | ---: |`);
  const corpus = loadSpamCorpus().map((m) => ({ text: m.text, label: m.label }));
  for (const scale of Object.values(SCALES)) {
    const n = Math.round(scale.contributionsPerDatanet * (1 - scale.rejectShare));
    const accs: number[] = [];
    let majority = 0;
    let classes = 2;
    const t0 = Date.now();
    for (const seed of accSeeds) {
      const order = seededShuffle(corpus, `preset-accuracy/${seed}`);
      const m = trainModel({ examples: order.slice(0, n), seed });
      const e = evaluateWeights(m.weights, m.featurizer, order.slice(n, n + 1000));
      accs.push(e.accuracy);
      majority = e.majorityRate;
      classes = Math.min(classes, e.predicted.filter((c) => c > 0).length);
    }
    const secs = (Date.now() - t0) / 1000 / accSeeds.length;
    console.log(
      `| ${scale.name} | ${n} | ${accs.map(f).join(' | ')} | ${f(majority)} | ${classes} | ${secs.toFixed(1)} |`,
    );
  }
}
console.log(
  `\nload average at end: ${loadavg()
    .map((x) => x.toFixed(1))
    .join(' ')}`,
);
