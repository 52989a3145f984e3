import {
  argmax,
  embed,
  knnShapleyBatch,
  type LabelledExample,
  type Matrix,
  selfInfluence,
  TRAK_DEFAULTS,
  tracinCpBatch,
  trakFeatures,
  trakScores,
  trakTrainSide,
} from '@ae/attribution-replay';
import { loadSpamCorpus, seededShuffle, splitHeldOut } from './corpus.js';
import { featureMatrix } from './evaluate.js';
import { trainModel } from './train.js';
import { rocAuc } from './validation.js';

export interface DetectionOptions {
  trainSize: number;
  /** Query messages (labelled by the model's prediction, as postings are). */
  queries: number;
  /** Validation messages with their true labels (for knn against validation). */
  validation: number;
  contributors: number;
  /** Share of contributor 0's messages whose label it flips. */
  flipShare: number;
  k: number;
  seed: number;
  /** Also run trak@1's detectors (full-network gradients of every training message: the costly part). */
  trak?: boolean;
}

/** The detectors compared (issue 19): higher suspicion = more likely flipped. */
export const DETECTORS = [
  'tracin-cp mean over queries (low)',
  'tracin self-influence (high)',
  'training loss (high)',
  'knn-shapley embedding, queries (low)',
  'knn-shapley embedding, validation (low)',
  'knn-shapley features, validation (low)',
  'trak@1 mean over queries (low)',
  'trak@1 self-influence (high)',
] as const;
export type Detector = (typeof DETECTORS)[number];

export interface DetectionReport {
  seed: number;
  trainSize: number;
  flipped: number;
  auc: Record<Detector, number>;
}

/** The poisoned training set of the validation experiments: contributor i % n owns message i; 0 flips. */
export function poisonedTrainingSet(
  o: Pick<DetectionOptions, 'trainSize' | 'contributors' | 'flipShare' | 'seed'>,
) {
  const { train: pool, heldOut } = splitHeldOut(loadSpamCorpus(), 0.2, o.seed);
  const base = seededShuffle(pool, `poison/${o.seed}`).slice(0, o.trainSize);
  const adv = base.map((_, i) => i).filter((i) => i % o.contributors === 0);
  const flipped = new Set(
    seededShuffle(adv, `flip/${o.seed}`).slice(0, Math.round(adv.length * o.flipShare)),
  );
  const train: LabelledExample[] = base.map((m, i) => ({
    text: m.text,
    label: flipped.has(i) ? 1 - m.label : m.label,
  }));
  return { train, flipped, heldOut: heldOut.map((m) => ({ text: m.text, label: m.label })) };
}

const mean = (rows: Float64Array[], n: number) => {
  const s = new Float64Array(n);
  for (const r of rows) for (let i = 0; i < n; i++) s[i] += r[i] / rows.length;
  return Array.from(s);
};
const neg = (xs: ArrayLike<number>) => Array.from(xs, (x) => -x);

/**
 * Mislabel detection on real mail: a contributor flips labels, the Model Factory trains on the poisoned
 * set, and each detector ranks the training set; ROC AUC against the flips (0.5 = chance, 1 = perfect).
 */
export async function detectionExperiment(o: DetectionOptions): Promise<DetectionReport> {
  const { train, flipped, heldOut } = poisonedTrainingSet(o);
  const model = trainModel({ examples: train, seed: o.seed });
  const labels = train.map((e) => e.label);
  const xTrain = featureMatrix(
    model,
    train.map((e) => e.text),
  );
  const queries = heldOut.slice(0, o.queries);
  const validation = heldOut.slice(o.queries, o.queries + o.validation);
  const xQ = featureMatrix(
    model,
    queries.map((e) => e.text),
  );
  const xV = featureMatrix(
    model,
    validation.map((e) => e.text),
  );
  const last = model.checkpoints[model.checkpoints.length - 1];
  const cps = [];
  let tLast: Awaited<ReturnType<typeof embed>> | undefined;
  let qLast: typeof tLast;
  for (const c of model.checkpoints) {
    const t = await embed(c.onnx, xTrain);
    const q = await embed(c.onnx, xQ);
    if (c === last) [tLast, qLast] = [t, q];
    cps.push({
      lr: c.learningRate,
      train: { embeddings: t.embedding, probs: t.probs },
      queries: { embeddings: q.embedding, probs: q.probs },
    });
  }
  const predicted = rowsArgmax(qLast!.probs);
  const vLast = await embed(last.onnx, xV);
  const vLabels = validation.map((e) => e.label);
  const tracin = await tracinCpBatch({ trainLabels: labels, queryLabels: predicted, checkpoints: cps });
  const knnQ = await knnShapleyBatch({
    train: tLast!.embedding,
    trainLabels: labels,
    queries: qLast!.embedding,
    queryLabels: predicted,
    k: o.k,
  });
  const knnVE = await knnShapleyBatch({
    train: tLast!.embedding,
    trainLabels: labels,
    queries: vLast.embedding,
    queryLabels: vLabels,
    k: o.k,
  });
  const knnVF = await knnShapleyBatch({
    train: xTrain,
    trainLabels: labels,
    queries: xV,
    queryLabels: vLabels,
    k: o.k,
  });
  // trak@1 with TRAK_DEFAULTS: the mean over queries, and each training point's score for itself
  const sides = [];
  const trakQ = [];
  const selfTrak = new Float64Array(train.length);
  for (const [m, c] of o.trak ? model.checkpoints.entries() : []) {
    const f = await trakFeatures(c.weights, xTrain, labels, TRAK_DEFAULTS, m);
    const side = trakTrainSide(f, TRAK_DEFAULTS.damping);
    const k = f.phi.cols;
    for (let i = 0; i < train.length; i++) {
      let d = 0;
      for (let t = 0; t < k; t++) d += f.phi.data[i * k + t] * side.a.data[i * k + t];
      selfTrak[i] += d / model.checkpoints.length;
    }
    sides.push(side);
    trakQ.push((await trakFeatures(c.weights, xQ, predicted, TRAK_DEFAULTS, m)).phi);
  }
  const trak = o.trak ? trakScores(sides, trakQ) : [];
  const qbar = new Float64Array(train.length);
  for (const s of sides) for (let i = 0; i < train.length; i++) qbar[i] += s.q[i] / sides.length;
  const loss = labels.map((y, i) => -Math.log(Math.max(1e-12, tLast!.probs.data[i * tLast!.probs.cols + y])));
  const n = train.length;
  const isFlipped = train.map((_, i) => flipped.has(i));
  const suspicion: Record<Detector, number[]> = {
    'tracin-cp mean over queries (low)': neg(mean(tracin.scores, n)),
    'tracin self-influence (high)': Array.from(selfInfluence({ trainLabels: labels, checkpoints: cps })),
    'training loss (high)': loss,
    'knn-shapley embedding, queries (low)': neg(mean(knnQ.scores, n)),
    'knn-shapley embedding, validation (low)': neg(mean(knnVE.scores, n)),
    'knn-shapley features, validation (low)': neg(mean(knnVF.scores, n)),
    'trak@1 mean over queries (low)': o.trak ? neg(mean(trak, n)) : [],
    'trak@1 self-influence (high)': o.trak ? Array.from(selfTrak, (v, i) => v * qbar[i]) : [],
  };
  const auc = Object.fromEntries(
    DETECTORS.map((d) => [d, suspicion[d].length ? rocAuc(suspicion[d], isFlipped) : Number.NaN]),
  ) as Record<Detector, number>;
  return { seed: o.seed, trainSize: n, flipped: flipped.size, auc };
}

function rowsArgmax(m: Matrix): number[] {
  return Array.from({ length: m.rows }, (_, i) => argmax(m.data.subarray(i * m.cols, (i + 1) * m.cols)));
}
