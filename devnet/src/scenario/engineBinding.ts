import {
  type ArtifactStore,
  argmax,
  embed,
  encodeExample,
  encodeInferenceInput,
  encodeInferenceOutput,
  FolderArtifactStore,
  knnShapleyBatch,
  type Matrix,
  type MethodParams,
  paramsArtifact,
  resultArtifact,
  row,
  scoreToWad,
  toRecomputation,
  tracinCpBatch,
} from '@ae/attribution-replay';
import type { Hex } from 'viem';
import { featureMatrix } from '../model-factory/evaluate.js';
import { loadSpamCorpus } from '../model-factory/corpus.js';
import { fineTune, type TrainedMlp, trainModel } from '../model-factory/train.js';
import type { EnginePosting, ScenarioEngine, ScoredQuery, TrainedModel, TrainingExample } from './engine.js';
import { learningRateWad } from './phases/models.js';

/** knn-shapley@1's K (neighbours in the utility); the posting's top-K is the scale's. */
export const KNN_K = 10;

interface Handle {
  mlp: TrainedMlp;
  /** Checkpoint ONNX bytes in step order (what the chain's hashes name). */
  onnx: Uint8Array[];
  /** Per checkpoint: training-set embeddings and probabilities, computed once per model. */
  trainOut?: { key: string; out: { embedding: Matrix; probs: Matrix }[] };
}

/**
 * The scenario's Model Factory, artifact store and PoA engine, bound to the owning workspaces: training and
 * ONNX export from devnet/src/model-factory; the store, artifact formats, ONNX Runtime embeddings,
 * knn-shapley@1 / tracin-cp@1 and the posting helpers from @ae/attribution-replay. Embeddings run on the
 * canonical CPU settings and the methods get exactly what a replay derives from the chain: the model's last
 * checkpoint for knn-shapley, every checkpoint with the learning rate as stored on chain (1e18 fixed point)
 * for tracin-cp, the predicted class from the stored output.
 */
export async function bindEngine(opts: { artifactsDir?: string; store?: ArtifactStore }): Promise<ScenarioEngine> {
  const store = opts.store ?? new FolderArtifactStore(opts.artifactsDir ?? '.data/artifacts');
  return {
    async corpus() {
      return loadSpamCorpus().map((m) => ({ text: m.text, label: m.label }));
    },
    put: (bytes) => store.put(bytes) as Promise<Hex>,
    contributionContent: (m) => encodeExample({ label: m.label, text: m.text }),

    async train({ base, examples, seed, adapter }) {
      const labelled = examples.map((e) => e.message);
      const mlp = base
        ? fineTune((base.handle as Handle).mlp, { examples: labelled, seed, config: adapter ? { freezeFirstLayer: true } : {} })
        : trainModel({ examples: labelled, seed });
      for (const c of mlp.checkpoints) await store.put(c.onnx);
      await store.put(mlp.trainingConfigBytes);
      const handle: Handle = { mlp, onnx: mlp.checkpoints.map((c) => c.onnx) };
      return {
        checkpoints: mlp.checkpoints.map((c) => ({ step: c.step, learningRate: c.learningRate, hash: c.hash as Hex })),
        trainingConfigHash: mlp.trainingConfigHash as Hex,
        handle,
      } satisfies TrainedModel;
    },

    async infer(model, messages) {
      const h = model.handle as Handle;
      const out = await embed(h.onnx[h.onnx.length - 1], featureMatrix(h.mlp, messages.map((m) => m.text)));
      const res: ScoredQuery[] = [];
      for (let i = 0; i < messages.length; i++) {
        const probs = row(out.probs, i);
        const output = encodeInferenceOutput(probs);
        res.push({
          predicted: argmax(probs),
          inputHash: (await store.put(encodeInferenceInput(messages[i].text))) as Hex,
          outputHash: (await store.put(output)) as Hex,
        });
      }
      return res;
    },

    async attribute({ method, model, train, queries, topK }) {
      const h = model.handle as Handle;
      const trainOut = await trainOutputs(h, train);
      const q = featureMatrix(h.mlp, queries.map((x) => x.message.text));
      const ids = train.map((t) => t.contributionId.toString());
      const trainLabels = train.map((t) => t.message.label);
      const queryLabels = queries.map((x) => x.predicted);
      let scores: Float64Array[];
      let params: MethodParams;
      let nearTies: number[][] = queries.map(() => []);
      if (method === 'knn-shapley@1') {
        const last = h.onnx.length - 1;
        const qe = await embed(h.onnx[last], q);
        const r = await knnShapleyBatch({ train: trainOut[last].embedding, trainLabels, queries: qe.embedding, queryLabels, k: KNN_K });
        scores = r.scores;
        nearTies = r.nearTies;
        params = { method, k: KNN_K, topK };
      } else {
        const cps = [];
        for (const [i, onnx] of h.onnx.entries()) {
          const qe = await embed(onnx, q);
          cps.push({
            lr: Number(learningRateWad(h.mlp.checkpoints[i].learningRate)) / 1e18,
            train: { embeddings: trainOut[i].embedding, probs: trainOut[i].probs },
            queries: { embeddings: qe.embedding, probs: qe.probs },
          });
        }
        scores = (await tracinCpBatch({ trainLabels, queryLabels, checkpoints: cps })).scores;
        params = { method, topK };
      }
      const p = paramsArtifact(params);
      return scores.map((s, i): EnginePosting => {
        const rec = toRecomputation(s, ids, topK, nearTies[i]);
        return {
          paramsBytes: p.bytes,
          resultBytes: resultArtifact(s).bytes,
          paramsHash: p.hash as Hex,
          resultHash: rec.resultHash as Hex,
          resultURI: `artifact://sha256/${rec.resultHash.slice(2)}`,
          ids: train.map((t) => t.contributionId),
          scores: rec.scores,
          top: rec.top.map((t) => ({ contributionId: BigInt(t.contributionId), weightPpm: t.weightPpm, score: scoreToWad(t.score) })),
        };
      });
    },
  };
}

/** Every checkpoint's view of the training set, computed once per model (the replay does the same once per batch). */
async function trainOutputs(h: Handle, train: readonly TrainingExample[]) {
  const key = `${train.length}:${train[0]?.contributionId}:${train[train.length - 1]?.contributionId}`;
  if (h.trainOut?.key === key) return h.trainOut.out;
  const x = featureMatrix(h.mlp, train.map((t) => t.message.text));
  const out = [];
  for (const onnx of h.onnx) {
    const e = await embed(onnx, x);
    out.push({ embedding: e.embedding, probs: e.probs });
  }
  h.trainOut = { key, out };
  return out;
}

