import {
  embed,
  fitFeaturizer,
  knnShapleyBatch,
  linearDatamodelingScore,
  type Matrix,
  spearman,
  TRAK_DEFAULTS,
  tracinCpBatch,
  trakFeatures,
  trakScores,
  trakTrainSide,
} from '@ae/attribution-replay';
import { loadSpamCorpus, seededShuffle, splitHeldOut } from './corpus.js';
import { featureMatrix } from './evaluate.js';
import { mlpForward } from './mlp.js';
import { type TrainConfig, trainModel } from './train.js';

export interface LdsOptions {
  trainSize: number;
  tests: number;
  /** Random subsets of half the training set. */
  subsets: number;
  /** Models trained (with different seeds) per subset; their margins are averaged. */
  retrains: number;
  k: number;
  seed: number;
  config?: Partial<TrainConfig>;
}

export const LDS_METHODS = [
  'tracin-cp@1',
  'trak@1',
  'trak@1 damping 0.01',
  'trak@1 damping 0.1',
  'trak@1 damping 1',
  'trak@1 k=512 damping 1',
  'trak@1 last checkpoint only, damping 1',
  'knn-shapley embedding',
  'knn-shapley features',
  'tf-idf similarity baseline',
] as const;
export type LdsMethod = (typeof LDS_METHODS)[number];

export interface LdsReport {
  options: LdsOptions;
  lds: Record<LdsMethod, number>;
  /**
   * Spearman, over subsets, of two independent halves of the retrains' mean margins, averaged over tests:
   * how far retraining noise alone lets any method's LDS go here.
   */
  retrainAgreement: number;
  minutes: number;
}

/** Margin of the true class: ln p_y − ln p_other (two classes), the output TRAK and dattri use. */
function margins(probs: Matrix, labels: readonly number[]): number[] {
  return labels.map((y, j) => {
    const p = Math.min(1 - 1e-12, Math.max(1e-12, probs.data[j * probs.cols + y]));
    return Math.log(p) - Math.log(1 - p);
  });
}

/**
 * LDS on real mail (TRAK §2): the methods score each test message (by its true label) against the full
 * training set on the full model; then for random 50 % subsets, `retrains` models are trained from other
 * seeds with the same featurizer and config, and LDS compares Σ_{i∈S} τ_j(i) with the measured margins.
 */
export async function ldsExperiment(o: LdsOptions): Promise<LdsReport> {
  const t0 = Date.now();
  const { train: pool, heldOut } = splitHeldOut(loadSpamCorpus(), 0.2, o.seed);
  const train = seededShuffle(pool, `lds/${o.seed}`)
    .slice(0, o.trainSize)
    .map((m) => ({ text: m.text, label: m.label }));
  const tests = heldOut.slice(0, o.tests).map((m) => ({ text: m.text, label: m.label }));
  const featurizer = fitFeaturizer(
    train.map((e) => e.text),
    { dim: o.config?.featureDim ?? 1024 },
  );
  const full = trainModel({ examples: train, seed: o.seed, featurizer, config: o.config });
  const labels = train.map((e) => e.label);
  const yT = tests.map((e) => e.label);
  const xTrain = featureMatrix(
    full,
    train.map((e) => e.text),
  );
  const xTest = featureMatrix(
    full,
    tests.map((e) => e.text),
  );
  const cps = [];
  for (const c of full.checkpoints) {
    const t = await embed(c.onnx, xTrain);
    const q = await embed(c.onnx, xTest);
    cps.push({
      lr: c.learningRate,
      train: { embeddings: t.embedding, probs: t.probs },
      queries: { embeddings: q.embedding, probs: q.probs },
    });
  }
  const last = cps[cps.length - 1];
  const trak = async (projDim: number, damping: number = TRAK_DEFAULTS.damping, lastOnly = false) => {
    const params = { ...TRAK_DEFAULTS, projDim, damping };
    const sides = [];
    const qs = [];
    for (const [m, c] of full.checkpoints.entries()) {
      if (lastOnly && m < full.checkpoints.length - 1) continue;
      sides.push(trakTrainSide(await trakFeatures(c.weights, xTrain, labels, params, m), params.damping));
      qs.push((await trakFeatures(c.weights, xTest, yT, params, m)).phi);
    }
    return trakScores(sides, qs);
  };
  const tau: Record<LdsMethod, ArrayLike<number>[]> = {
    'tracin-cp@1': (await tracinCpBatch({ trainLabels: labels, queryLabels: yT, checkpoints: cps })).scores,
    // TRAK_DEFAULTS (k = 128, damping 10), then one setting changed at a time
    'trak@1': await trak(TRAK_DEFAULTS.projDim),
    'trak@1 damping 0.01': await trak(TRAK_DEFAULTS.projDim, 0.01),
    'trak@1 damping 0.1': await trak(TRAK_DEFAULTS.projDim, 0.1),
    'trak@1 damping 1': await trak(TRAK_DEFAULTS.projDim, 1),
    'trak@1 k=512 damping 1': await trak(512, 1),
    'trak@1 last checkpoint only, damping 1': await trak(TRAK_DEFAULTS.projDim, 1, true),
    'knn-shapley embedding': (
      await knnShapleyBatch({
        train: last.train.embeddings,
        trainLabels: labels,
        queries: last.queries.embeddings,
        queryLabels: yT,
        k: o.k,
      })
    ).scores,
    'knn-shapley features': (
      await knnShapleyBatch({ train: xTrain, trainLabels: labels, queries: xTest, queryLabels: yT, k: o.k })
    ).scores,
    'tf-idf similarity baseline': similarity(xTrain, labels, xTest, yT),
  };
  const subsets: number[][] = [];
  const actual: number[][] = [];
  const halves: [number[][], number[][]] = [[], []];
  const idx = train.map((_, i) => i);
  for (let s = 0; s < o.subsets; s++) {
    const subset = seededShuffle(idx, `lds/${o.seed}/subset/${s}`)
      .slice(0, Math.floor(o.trainSize / 2))
      .sort((a, b) => a - b);
    subsets.push(subset);
    const runs: number[][] = [];
    for (let r = 0; r < o.retrains; r++) {
      const m = trainModel({
        examples: subset.map((i) => train[i]),
        seed: o.seed * 10_000 + s * 100 + r,
        featurizer,
        config: o.config,
      });
      runs.push(margins(mlpForward(m.weights, xTest).probs, yT));
    }
    const avg = (rs: number[][]) => yT.map((_, j) => rs.reduce((a, x) => a + x[j], 0) / rs.length);
    actual.push(avg(runs));
    const h = Math.floor(o.retrains / 2);
    halves[0].push(avg(runs.slice(0, h)));
    halves[1].push(avg(runs.slice(h)));
  }
  const lds = Object.fromEntries(
    LDS_METHODS.map((m) => [m, linearDatamodelingScore(tau[m], subsets, actual).lds]),
  ) as Record<LdsMethod, number>;
  const agree = yT.map((_, j) =>
    spearman(
      halves[0].map((r) => r[j]),
      halves[1].map((r) => r[j]),
    ),
  );
  const ok = agree.filter((x) => !Number.isNaN(x));
  return {
    options: o,
    lds,
    retrainAgreement: ok.reduce((a, b) => a + b, 0) / Math.max(1, ok.length),
    minutes: (Date.now() - t0) / 60_000,
  };
}

/** Baseline τ_j(i) = cos(x_i, x_j) · (+1 same label, −1 otherwise): what a method must beat. */
function similarity(x: Matrix, y: readonly number[], q: Matrix, yq: readonly number[]): Float64Array[] {
  return yq.map((l, j) => {
    const out = new Float64Array(x.rows);
    for (let i = 0; i < x.rows; i++) {
      let d = 0;
      for (let c = 0; c < x.cols; c++) d += x.data[i * x.cols + c] * q.data[j * q.cols + c];
      out[i] = y[i] === l ? d : -d;
    }
    return out;
  });
}
