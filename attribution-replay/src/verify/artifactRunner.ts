import { createHash } from 'node:crypto';
import { ArtifactMalformedError } from '../artifacts/ArtifactStore.js';
import { sha256Hex } from '../artifacts/sha256.js';
import {
  argmax,
  decodeExample,
  decodeInferenceInput,
  decodeInferenceOutput,
  decodeValidationSet,
} from '../features/example.js';
import { featurize } from '../features/featurizer.js';
import { parseTrainingConfig } from '../features/trainingConfig.js';
import { type Embedded, embed } from '../onnx/embed.js';
import type { Matrix } from '../onnx/matrix.js';
import type { ProviderChoice } from '../onnx/session.js';
import { knnShapleyBatch } from '../poa/knnShapleyBatch.js';
import { knnShapleyV2, knnValidationValues } from '../poa/knnShapleyV2.js';
import { METHODS, parseMethodParams, toRecomputation } from '../poa/postings.js';
import { tracinCpBatch } from '../poa/tracinCp.js';
import type { TrakTrainSide } from '../poa/trak.js';
import { trakBatch } from '../poa/trakBatch.js';
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
  /** Prepared training sets (labels, features, per-checkpoint outputs), most recently used last. */
  private readonly cache = new Map<string, PreparedTraining>();

  /**
   * @param cacheModels how many models' prepared training sets to keep between calls (0 = none): the
   *   worker's consecutive batches mostly hit the same few models, and preparing a training set (decode,
   *   featurize, embed with every checkpoint) costs far more than scoring a batch of queries against it.
   */
  constructor(
    private readonly provider: ProviderChoice = 'cpu',
    private readonly log?: (line: string) => void,
    private readonly cacheModels = 4,
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
    const prepared = this.prepared(input);
    const { featurizer, ids, trainLabels } = prepared;
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
    const trainOut = async (c: (typeof cps)[number]): Promise<Embedded> => {
      let e = prepared.outputs.get(c.hash);
      if (!e) {
        e = await run(c.onnx, prepared.trainX);
        prepared.outputs.set(c.hash, e);
      }
      return e;
    };
    const lastTrain = await trainOut(last);
    const classes = lastTrain.probs.cols;
    const badLabel = trainLabels.findIndex((y) => y >= classes);
    if (badLabel >= 0)
      throw new ArtifactMalformedError(
        sha256Hex(input.train[badLabel].content),
        `labelled example of a ${classes}-class model`,
      );
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
    if (params.method === 'knn-shapley@2') {
      const features = params.representation === 'features';
      let validationValues: Float64Array | undefined;
      if (params.validation) {
        const key = `${params.validation}|${params.k}`;
        validationValues = prepared.validation.get(key);
        if (!validationValues) {
          if (!input.artifact)
            throw new ArtifactMalformedError(params.validation, 'validation set (no artifact source given)');
          const set = decodeValidationSet(await input.artifact(params.validation));
          validationValues = await knnValidationValues(
            {
              train: prepared.trainX,
              trainLabels,
              contentHashes: prepared.contentHashes,
              k: params.k,
              validation: rowsToMatrix(
                set.map((e) => featurize(e.text, featurizer)),
                featurizer.dim,
              ),
              validationLabels: set.map((e) => e.label),
            },
            opts,
          );
          prepared.validation.set(key, validationValues);
        }
      }
      return knnShapleyV2(
        {
          params,
          train: features ? prepared.trainX : lastTrain.embedding,
          trainLabels,
          queries: features ? queryX : lastQuery.embedding,
          queryLabels,
          ids,
          contentHashes: prepared.contentHashes,
          queryHashes: input.queries.map((q) => sha256Hex(q.input)),
          validationValues,
        },
        opts,
      );
    }
    if (params.method === 'knn-shapley@1') {
      const r = await knnShapleyBatch(
        { train: lastTrain.embedding, trainLabels, queries: lastQuery.embedding, queryLabels, k: params.k },
        opts,
      );
      return r.scores.map((s, q) => toRecomputation(s, ids, params.topK, r.nearTies[q]));
    }
    if (params.method === 'trak@1') {
      const scores = await trakBatch(
        {
          params,
          checkpoints: cps,
          trainX: prepared.trainX,
          trainLabels,
          queryX,
          queryLabels,
          cache: prepared.trak,
        },
        opts,
      );
      return scores.map((s) => toRecomputation(s, ids, params.topK));
    }
    const checkpoints = [];
    for (const c of cps) {
      const tr = c === last ? lastTrain : await trainOut(c);
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
  /** The training set decoded and featurized once, then kept for the next calls on the same model. */
  private prepared(input: RunnerInput): PreparedTraining {
    const h = createHash('sha256').update(input.trainingConfig);
    for (const t of input.train) h.update(`${t.contributionId}:`).update(t.content);
    const key = h.digest('hex');
    const hit = this.cache.get(key);
    if (hit) {
      this.cache.delete(key);
      this.cache.set(key, hit);
      return hit;
    }
    const { featurizer } = parseTrainingConfig(input.trainingConfig);
    const train = input.train.map((t) => decodeExample(t.content));
    const prepared: PreparedTraining = {
      featurizer,
      ids: input.train.map((t) => t.contributionId),
      contentHashes: input.train.map((t) => sha256Hex(t.content)),
      trainLabels: train.map((t) => t.label),
      trainX: rowsToMatrix(
        train.map((t) => featurize(t.text, featurizer)),
        featurizer.dim,
      ),
      outputs: new Map(),
      trak: new Map(),
      validation: new Map(),
    };
    if (this.cacheModels > 0) {
      this.cache.set(key, prepared);
      while (this.cache.size > this.cacheModels) this.cache.delete(this.cache.keys().next().value as string);
    }
    return prepared;
  }
}

interface PreparedTraining {
  featurizer: ReturnType<typeof parseTrainingConfig>['featurizer'];
  ids: string[];
  /** sha256 of each contribution's content (knn-shapley@2's id-free tie keys). */
  contentHashes: string[];
  trainLabels: number[];
  trainX: Matrix;
  /** Training-set outputs per checkpoint hash. */
  outputs: Map<string, Embedded>;
  /** trak@1's training sides per (checkpoint, parameters). */
  trak: Map<string, TrakTrainSide>;
  /** knn-shapley@2's mean validation values per (validation hash, k). */
  validation: Map<string, Float64Array>;
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
