import {
  argmax,
  embed,
  knnShapleyBatch,
  type LabelledExample,
  type Matrix,
  type Share,
  sha256Hex,
  tieFairShares,
  topShares,
  tracinCpBatch,
} from '@ae/attribution-replay';
import { loadSpamCorpus, seededShuffle, splitHeldOut } from './corpus.js';
import { accuracy, featureMatrix } from './evaluate.js';
import { type TrainedMlp, trainModel } from './train.js';

/** ROC AUC of a detector whose higher `suspicion` should mean positive (Mann–Whitney, ties count half). */
export function rocAuc(suspicion: readonly number[], positive: readonly boolean[]): number {
  const idx = suspicion.map((_, i) => i).sort((a, b) => suspicion[a] - suspicion[b]);
  const rank = new Float64Array(idx.length);
  for (let i = 0; i < idx.length; ) {
    let j = i;
    while (j + 1 < idx.length && suspicion[idx[j + 1]] === suspicion[idx[i]]) j++;
    for (let t = i; t <= j; t++) rank[idx[t]] = (i + j) / 2 + 1;
    i = j + 1;
  }
  const nPos = positive.filter(Boolean).length;
  const nNeg = positive.length - nPos;
  if (nPos === 0 || nNeg === 0) return Number.NaN;
  let sum = 0;
  positive.forEach((p, i) => {
    if (p) sum += rank[i];
  });
  return (sum - (nPos * (nPos + 1)) / 2) / (nPos * nNeg);
}

export interface PoisonOptions {
  trainSize: number;
  queries: number;
  contributors: number;
  /** Share of the adversary's (contributor 0) messages whose label it flips. */
  flipShare: number;
  k: number;
  topK: number;
  seed: number;
}

export interface MethodFigures {
  /** Detection AUC of "low mean score" for the flipped contributions. */
  auc: number;
  /** The same with the mean taken per predicted query class, then averaged over classes. */
  aucBalanced: number;
  /** Share (0..1) of all posted ppm that the adversary earns, before and after removing its flipped messages. */
  adversaryShareBefore: number;
  adversaryShareAfter: number;
  /** Share of all posted ppm that goes to flipped contributions. */
  flippedShare: number;
}

export interface PoisonReport {
  trainSize: number;
  flipped: number;
  heldOutAccuracyPoisoned: number;
  heldOutAccuracyCleaned: number;
  methods: Record<'knn-shapley@1' | 'tracin-cp@1' | 'knn-shapley@2', MethodFigures>;
}

interface Scored {
  knn: Float64Array[];
  /** knn-shapley@2's values: on the features, equal distances by content hash. */
  knnFeatures: Float64Array[];
  tracin: Float64Array[];
  predicted: number[];
}

async function scoreAll(
  model: TrainedMlp,
  train: LabelledExample[],
  queries: string[],
  k: number,
): Promise<Scored> {
  const fTrain = featureMatrix(
    model,
    train.map((e) => e.text),
  );
  const fQ = featureMatrix(model, queries);
  const labels = train.map((e) => e.label);
  const last = model.checkpoints[model.checkpoints.length - 1];
  const tOut = await embed(last.onnx, fTrain);
  const qOut = await embed(last.onnx, fQ);
  const predicted = Array.from({ length: qOut.probs.rows }, (_, i) => argmax(rowOf(qOut.probs, i)));
  const knn = await knnShapleyBatch({
    train: tOut.embedding,
    trainLabels: labels,
    queries: qOut.embedding,
    queryLabels: predicted,
    k,
  });
  const knnFeatures = await knnShapleyBatch({
    train: fTrain,
    trainLabels: labels,
    queries: fQ,
    queryLabels: predicted,
    k,
    tieKeys: train.map((e) => sha256Hex(`${e.label}:${e.text}`)),
  });
  const cps = [];
  for (const c of model.checkpoints) {
    const t = c === last ? tOut : await embed(c.onnx, fTrain);
    const q = c === last ? qOut : await embed(c.onnx, fQ);
    cps.push({
      lr: c.learningRate,
      train: { embeddings: t.embedding, probs: t.probs },
      queries: { embeddings: q.embedding, probs: q.probs },
    });
  }
  const tracin = await tracinCpBatch({ trainLabels: labels, queryLabels: predicted, checkpoints: cps });
  return { knn: knn.scores, knnFeatures: knnFeatures.scores, tracin: tracin.scores, predicted };
}

const rowOf = (m: Matrix, i: number) => m.data.subarray(i * m.cols, (i + 1) * m.cols);

function meanScores(rows: Float64Array[], n: number): number[] {
  const s = new Float64Array(n);
  for (const r of rows) for (let i = 0; i < n; i++) s[i] += r[i];
  return Array.from(s, (x) => x / Math.max(1, rows.length));
}

/** Mean score with every predicted class weighted equally, so the class mix of the queries cannot dominate. */
function balancedMeanScores(rows: Float64Array[], predicted: number[], n: number): number[] {
  const classes = [...new Set(predicted)];
  const out = new Float64Array(n);
  for (const c of classes) {
    const m = meanScores(
      rows.filter((_, q) => predicted[q] === c),
      n,
    );
    for (let i = 0; i < n; i++) out[i] += m[i] / classes.length;
  }
  return Array.from(out);
}

type ShareRule = (scores: Float64Array, ids: string[], topK: number) => Share[];
const tieFair: ShareRule = (s, ids, k) => tieFairShares(s, ids, k, (i) => sha256Hex(ids[i]));

function ppmShare(
  rows: Float64Array[],
  ids: string[],
  topK: number,
  pick: (id: string) => boolean,
  rule: ShareRule = topShares,
): number {
  let mine = 0;
  let all = 0;
  for (const r of rows)
    for (const s of rule(r, ids, topK)) {
      all += s.weightPpm;
      if (pick(s.contributionId)) mine += s.weightPpm;
    }
  return all > 0 ? mine / all : 0;
}

/**
 * The seeds' first validation: a contributor flips the labels of a few percent of its SpamAssassin
 * messages; we train on the poisoned data, score held-out queries with both methods and measure how well a
 * low mean score singles out the flipped contributions (ROC AUC), what share of the posted rewards they
 * and their owner get, and how the owner's share moves once the flipped messages are removed (retrained).
 */
export async function poisonExperiment(o: PoisonOptions): Promise<PoisonReport> {
  const { train: pool, heldOut } = splitHeldOut(loadSpamCorpus(), 0.2, o.seed);
  const base = seededShuffle(pool, `poison/${o.seed}`).slice(0, o.trainSize);
  const owner = base.map((_, i) => i % o.contributors);
  const advIdx = base.map((_, i) => i).filter((i) => owner[i] === 0);
  const flipSet = new Set(
    seededShuffle(advIdx, `flip/${o.seed}`).slice(0, Math.round(advIdx.length * o.flipShare)),
  );
  const train = base.map((m, i) => ({ text: m.text, label: flipSet.has(i) ? 1 - m.label : m.label }));
  const queries = heldOut.slice(0, o.queries);
  const ids = train.map((_, i) => String(i));
  const poisoned = trainModel({ examples: train, seed: o.seed });
  const keep = train.map((_, i) => i).filter((i) => !flipSet.has(i));
  const cleaned = trainModel({ examples: keep.map((i) => train[i]), seed: o.seed });
  const before = await scoreAll(
    poisoned,
    train,
    queries.map((q) => q.text),
    o.k,
  );
  const after = await scoreAll(
    cleaned,
    keep.map((i) => train[i]),
    queries.map((q) => q.text),
    o.k,
  );
  const keptIds = keep.map(String);
  const isFlipped = train.map((_, i) => flipSet.has(i));
  const fig = (b: Float64Array[], a: Float64Array[], rule: ShareRule = topShares): MethodFigures => ({
    auc: rocAuc(
      meanScores(b, train.length).map((s) => -s),
      isFlipped,
    ),
    aucBalanced: rocAuc(
      balancedMeanScores(b, before.predicted, train.length).map((s) => -s),
      isFlipped,
    ),
    adversaryShareBefore: ppmShare(b, ids, o.topK, (id) => owner[Number(id)] === 0, rule),
    adversaryShareAfter: ppmShare(a, keptIds, o.topK, (id) => owner[Number(id)] === 0, rule),
    flippedShare: ppmShare(b, ids, o.topK, (id) => flipSet.has(Number(id)), rule),
  });
  const held = heldOut.map((m) => ({ text: m.text, label: m.label }));
  return {
    trainSize: train.length,
    flipped: flipSet.size,
    heldOutAccuracyPoisoned: accuracy(poisoned, held),
    heldOutAccuracyCleaned: accuracy(cleaned, held),
    methods: {
      'knn-shapley@1': fig(before.knn, after.knn),
      'tracin-cp@1': fig(before.tracin, after.tracin),
      'knn-shapley@2': fig(before.knnFeatures, after.knnFeatures, tieFair),
    },
  };
}
