import {
  argmax,
  encodeValidationSet,
  type FeaturizerSpec,
  featurize,
  type LabelledExample,
  type Matrix,
  type ModelEvaluation,
  sha256Hex,
} from '@ae/attribution-replay';
import { type MlpWeights, mlpForward } from './mlp.js';
import type { TrainedMlp } from './train.js';

/** Dense features of many texts under a model's featurizer, as the ONNX input. */
export function featureMatrix(model: Pick<TrainedMlp, 'featurizer'>, texts: readonly string[]): Matrix {
  const d = model.featurizer.dim;
  const data = new Float64Array(texts.length * d);
  texts.forEach((t, i) => {
    data.set(featurize(t, model.featurizer), i * d);
  });
  return { rows: texts.length, cols: d, data };
}

/** Share of examples whose argmax class is their label (held-out accuracy when given held-out data). */
export function accuracy(model: TrainedMlp, examples: readonly LabelledExample[]): number {
  const out = mlpForward(
    model.weights,
    featureMatrix(
      model,
      examples.map((e) => e.text),
    ),
  );
  let ok = 0;
  examples.forEach((e, i) => {
    if (argmax(out.probs.data.subarray(i * out.probs.cols, (i + 1) * out.probs.cols)) === e.label) ok++;
  });
  return examples.length ? ok / examples.length : 0;
}

/**
 * The held-out evaluation the Model Factory records with a model: accuracy, the majority rate a constant
 * predictor would score, how many messages each class was predicted for (a model that predicts one class
 * only is no classifier) and the set's hash (the artifact {"examples":[…]}, so the figure can be re-measured).
 */
export function evaluateWeights(
  weights: MlpWeights,
  featurizer: FeaturizerSpec,
  examples: readonly LabelledExample[],
): ModelEvaluation {
  const out = mlpForward(
    weights,
    featureMatrix(
      { featurizer },
      examples.map((e) => e.text),
    ),
  );
  const c = out.probs.cols;
  const predicted = new Array<number>(c).fill(0);
  const byLabel = new Array<number>(c).fill(0);
  let ok = 0;
  examples.forEach((e, i) => {
    const y = argmax(out.probs.data.subarray(i * c, (i + 1) * c));
    predicted[y]++;
    if (e.label < c) byLabel[e.label]++;
    if (y === e.label) ok++;
  });
  const round = (x: number) => Math.round(x * 1e6) / 1e6;
  return {
    set: sha256Hex(encodeValidationSet(examples)),
    messages: examples.length,
    accuracy: round(ok / examples.length),
    majorityRate: round(Math.max(...byLabel) / examples.length),
    predicted,
  };
}
