import {
  type ArtifactStore,
  argmax,
  type Bytes32Hex,
  createMethodRunner,
  embed,
  encodeExample,
  encodeInferenceInput,
  encodeInferenceOutput,
  encodeValidationSet,
  FolderArtifactStore,
  paramsArtifact,
  resultArtifact,
  row,
  scoreToWad,
  TRAK_DEFAULTS,
} from '@ae/attribution-replay';
import type { Hex } from 'viem';
import { loadSpamCorpus } from '../model-factory/corpus.js';
import { accuracy, featureMatrix } from '../model-factory/evaluate.js';
import { fineTune, type TrainedMlp, trainModel } from '../model-factory/train.js';
import type { EnginePosting, ScenarioEngine, ScoredQuery, TrainedModel, TrainingExample } from './engine.js';
import { learningRateWad } from './phases/models.js';
import { bindTextEngine, isTextHandle } from './textEngineBinding.js';

/** knn-shapley's K (neighbours in the utility); the posting's top-K is the scale's. */
export const KNN_K = 10;
/** knn-shapley@2's space for the scenario's postings: the featurizer's label-independent vector. */
export const KNN_REPRESENTATION = 'features' as const;

interface Handle {
  mlp: TrainedMlp;
  /** Checkpoint ONNX bytes in step order (what the chain's hashes name). */
  onnx: Uint8Array[];
  /** The training set as the replay reads it (contribution contents), built once per model. */
  train?: { key: string; rows: { contributionId: string; content: Uint8Array }[] };
}

/**
 * The scenario's Model Factory, artifact store and PoA engine, bound to the owning workspaces: training and
 * ONNX export from devnet/src/model-factory; the store, artifact formats, ONNX Runtime and the posting
 * helpers from @ae/attribution-replay, and for the scores the replay's own ArtifactRunner (canonical CPU)
 * fed with the artifact bytes the chain names (learning rates as stored on chain, 1e18 fixed point), so an
 * honest posting is by construction what a replay recomputes.
 */
export async function bindEngine(opts: {
  artifactsDir?: string;
  store?: ArtifactStore;
}): Promise<ScenarioEngine> {
  const store = opts.store ?? new FolderArtifactStore(opts.artifactsDir ?? '.data/artifacts');
  const runner = createMethodRunner('cpu');
  const text = bindTextEngine(store, runner);
  return {
    async corpus() {
      return loadSpamCorpus().map((m) => ({ text: m.text, label: m.label }));
    },
    put: (bytes) => store.put(bytes) as Promise<Hex>,
    contributionContent: (m) => encodeExample({ label: m.label, text: m.text }),

    async train({ base, examples, seed, adapter, family, evaluation: held }) {
      if (family === 'text') return text.train(examples);
      const labelled = examples.map((e) => e.message);
      // the set the recorded evaluation names by hash, stored so anyone can re-measure the figure
      const evaluation = held?.map((m) => ({ label: m.label, text: m.text }));
      if (evaluation?.length) await store.put(encodeValidationSet(evaluation));
      const mlp = base
        ? fineTune((base.handle as Handle).mlp, {
            examples: labelled,
            seed,
            config: adapter ? { freezeFirstLayer: true } : {},
            evaluation,
          })
        : trainModel({ examples: labelled, seed, evaluation });
      for (const c of mlp.checkpoints) await store.put(c.onnx);
      await store.put(mlp.trainingConfigBytes);
      const handle: Handle = { mlp, onnx: mlp.checkpoints.map((c) => c.onnx) };
      return {
        checkpoints: mlp.checkpoints.map((c) => ({
          step: c.step,
          learningRate: c.learningRate,
          hash: c.hash as Hex,
        })),
        trainingConfigHash: mlp.trainingConfigHash as Hex,
        handle,
      } satisfies TrainedModel;
    },

    async accuracy(model, messages) {
      if (isTextHandle(model.handle)) return text.accuracy(model.handle, messages);
      return accuracy((model.handle as Handle).mlp, messages);
    },

    async infer(model, messages) {
      if (isTextHandle(model.handle)) return text.infer(model.handle, messages);
      const h = model.handle as Handle;
      const out = await embed(
        h.onnx[h.onnx.length - 1],
        featureMatrix(
          h.mlp,
          messages.map((m) => m.text),
        ),
      );
      const res: ScoredQuery[] = [];
      for (let i = 0; i < messages.length; i++) {
        const probs = row(out.probs, i);
        const output = encodeInferenceOutput(probs);
        res.push({
          predicted: argmax(probs),
          inputHash: (await store.put(encodeInferenceInput(messages[i].text))) as Hex,
          outputHash: (await store.put(output)) as Hex,
          output,
        });
      }
      return res;
    },

    async attribute({ method, model, train, queries, topK, validation }) {
      if (method === 'span-match@1' && isTextHandle(model.handle))
        return text.attribute(model.handle, queries, topK);
      if (method === 'span-match@1') throw new RangeError('span-match@1 attributes text models only');
      const h = model.handle as Handle;
      const validationHash = validation?.length
        ? ((await store.put(encodeValidationSet(validation))) as Bytes32Hex)
        : undefined;
      const params = paramsArtifact(
        method === 'knn-shapley@2'
          ? {
              method,
              k: KNN_K,
              topK,
              representation: KNN_REPRESENTATION,
              ...(validationHash ? { validation: validationHash } : {}),
            }
          : method === 'knn-shapley@1'
            ? { method, k: KNN_K, topK }
            : method === 'trak@1'
              ? { method, topK, ...TRAK_DEFAULTS }
              : { method, topK },
      );
      // exactly the replay's computation (ArtifactRunner) on exactly the bytes the chain's hashes name
      const recs = await runner.run({
        method,
        params: params.bytes,
        trainingConfig: h.mlp.trainingConfigBytes,
        checkpoints: h.mlp.checkpoints.map((c) => ({
          step: c.step,
          learningRate: Number(learningRateWad(c.learningRate)) / 1e18,
          onnx: c.onnx,
          hash: c.hash as Hex,
        })),
        train: contents(h, train),
        queries: queries.map((x) => ({ input: encodeInferenceInput(x.message.text), output: x.output })),
        artifact: (hash) => store.get(hash),
      });
      return recs.map(
        (rec): EnginePosting => ({
          paramsBytes: params.bytes,
          resultBytes: resultArtifact(rec.scores).bytes,
          paramsHash: params.hash as Hex,
          resultHash: rec.resultHash as Hex,
          resultURI: `artifact://sha256/${rec.resultHash.slice(2)}`,
          ids: rec.ids.map(BigInt),
          scores: rec.scores,
          top: rec.top.map((t) => ({
            contributionId: BigInt(t.contributionId),
            weightPpm: t.weightPpm,
            score: scoreToWad(t.score),
          })),
        }),
      );
    },
  };
}

/** The training set as stored contribution contents, encoded once per model. */
function contents(h: Handle, train: readonly TrainingExample[]) {
  const key = `${train.length}:${train[0]?.contributionId}:${train[train.length - 1]?.contributionId}`;
  if (h.train?.key !== key) {
    h.train = {
      key,
      rows: train.map((t) => ({
        contributionId: t.contributionId.toString(),
        content: encodeExample(t.message),
      })),
    };
  }
  return h.train.rows;
}
