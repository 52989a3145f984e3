import { ArtifactMalformedError } from '../artifacts/ArtifactStore.js';
import { sha256Hex } from '../artifacts/sha256.js';
import { argmax, decodeExample, decodeInferenceInput, decodeInferenceOutput } from '../features/example.js';
import { featurize } from '../features/featurizer.js';
import { parseTrainingConfig } from '../features/trainingConfig.js';
import { type Embedded, embed } from '../onnx/embed.js';
import type { Matrix } from '../onnx/matrix.js';
import type { ProviderChoice } from '../onnx/session.js';
import { knnShapleyBatch } from '../poa/knnShapleyBatch.js';
import { METHODS, parseMethodParams, toRecomputation } from '../poa/postings.js';
import { tracinCpBatch } from '../poa/tracinCp.js';
import type { MethodRunner, Recomputation, RunnerInput } from './replayPorts.js';

/**
 * Replays a method from artifact bytes alone: contributions and inference inputs are decoded and featurized
 * with the featurizer of the model's training config, run through the posted ONNX checkpoints, and scored
 * by the PoA engine; the query label is the class of the posted inference output (argmax of its stored
 * probabilities), as the poster used it. Everything in one batch per call: the training set is embedded once for all queries.
 */
export class ArtifactRunner implements MethodRunner {
  readonly methods = [...METHODS];
  private used: string;

  constructor(
    private readonly provider: ProviderChoice = 'cpu',
    private readonly log?: (line: string) => void,
  ) {
    this.used = provider === 'cuda' ? 'cuda' : 'cpu';
  }

  /** The provider that actually ran the last replay (auto resolves to cuda or cpu). */
  get device(): string {
    return this.used;
  }

  async run(input: RunnerInput): Promise<Recomputation[]> {
    const params = parseParams(input.params);
    if (params.method !== input.method)
      throw new ArtifactMalformedError(
        sha256Hex(input.params),
        `parameter set for ${input.method} (it names ${params.method})`,
      );
    const { featurizer } = parseTrainingConfig(input.trainingConfig);
    const train = input.train.map((t) => decodeExample(t.content));
    const ids = input.train.map((t) => t.contributionId);
    const trainLabels = train.map((t) => t.label);
    const trainX = rowsToMatrix(
      train.map((t) => featurize(t.text, featurizer)),
      featurizer.dim,
    );
    const queryX = rowsToMatrix(
      input.queries.map((q) => featurize(decodeInferenceInput(q.input), featurizer)),
      featurizer.dim,
    );
    const opts = { provider: this.provider, log: this.log };
    const cps = [...input.checkpoints].sort((a, b) => a.step - b.step);
    const last = cps[cps.length - 1];
    const run = async (onnx: Uint8Array, x: Matrix): Promise<Embedded> => {
      const e = await embed(onnx, x, opts);
      this.used = e.provider;
      return e;
    };
    const lastTrain = await run(last.onnx, trainX);
    const lastQuery = await run(last.onnx, queryX);
    // the label both methods attribute: the class the posted output predicts (the chain commits to it)
    const queryLabels = input.queries.map((q) => {
      const probs = decodeInferenceOutput(q.output);
      if (probs.length !== lastQuery.probs.cols)
        throw new ArtifactMalformedError(
          sha256Hex(q.output),
          `inference output of a ${lastQuery.probs.cols}-class model`,
        );
      return argmax(probs);
    });
    if (params.method === 'knn-shapley@1') {
      const r = await knnShapleyBatch(
        { train: lastTrain.embedding, trainLabels, queries: lastQuery.embedding, queryLabels, k: params.k },
        opts,
      );
      return r.scores.map((s, q) => toRecomputation(s, ids, params.topK, r.nearTies[q]));
    }
    const checkpoints = [];
    for (const c of cps) {
      const tr = c === last ? lastTrain : await run(c.onnx, trainX);
      const qu = c === last ? lastQuery : await run(c.onnx, queryX);
      checkpoints.push({
        lr: c.learningRate,
        train: { embeddings: tr.embedding, probs: tr.probs },
        queries: { embeddings: qu.embedding, probs: qu.probs },
      });
    }
    const r = await tracinCpBatch({ trainLabels, queryLabels, checkpoints }, opts);
    return r.scores.map((s) => toRecomputation(s, ids, params.topK));
  }
}

function parseParams(bytes: Uint8Array) {
  try {
    return parseMethodParams(JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes)));
  } catch (e) {
    throw new ArtifactMalformedError(sha256Hex(bytes), 'method parameter set', e);
  }
}

function rowsToMatrix(rows: Float64Array[], cols: number): Matrix {
  const data = new Float64Array(rows.length * cols);
  for (const [i, r] of rows.entries()) data.set(r, i * cols);
  return { rows: rows.length, cols, data };
}
