import { argmax, featurize, type LabelledExample, type Matrix } from '@ae/attribution-replay';
import { mlpForward } from './mlp.js';
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
