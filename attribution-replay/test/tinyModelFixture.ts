import { artifactProblem } from '../src/artifacts/ArtifactStore.js';
import { canonicalBytes } from '../src/artifacts/canonicalJson.js';
import { MemoryArtifactStore } from '../src/artifacts/FolderArtifactStore.js';
import { sha256Hex } from '../src/artifacts/sha256.js';
import { encodeExample, encodeInferenceInput, encodeInferenceOutput } from '../src/features/example.js';
import { featurize, fitFeaturizer } from '../src/features/featurizer.js';
import { createMethodRunner } from '../src/methods/methodRunner.js';
import { embed } from '../src/onnx/embed.js';
import { row } from '../src/onnx/matrix.js';
import { mlpCheckpointOnnx } from '../src/onnx/mlpOnnx.js';
import { compareAttribution } from '../src/poa/compareAttribution.js';
import { type MethodParams, paramsArtifact, type Recomputation, scoreToWad } from '../src/poa/postings.js';
import type { ReplayDeps } from '../src/verify/replayBatch.js';
import type { ModelFacts, PostingFacts } from '../src/verify/replayCase.js';
import { tinyMlpWeights } from './tinyMlp.js';

const TEXTS = [
  'win a free cruise now click here',
  'meeting moved to thursday bring the report',
  'claim your prize before midnight click',
  'budget sheet for the friday meeting',
  'free money offer limited time click now',
  'lunch with the team on monday',
  'cheap pills online best price',
  'please review the attached draft report',
];
const QUERIES = ['free prize click now', 'the report for the meeting', 'best offer online today'];

/**
 * A tiny two-checkpoint MLP (24 hashed-tfidf buckets) with its artifacts in a verified in-memory store, as
 * the chain would name them, and a poster that computes a method's postings exactly as the replay does
 * (the scenario's way): for replay tests of the ONNX methods without training a model.
 */
export async function tinyModelFixture() {
  const store = new MemoryArtifactStore();
  const featurizer = fitFeaturizer(TEXTS, { dim: 24 });
  const trainingConfig = canonicalBytes({ featurizer });
  await store.put(trainingConfig);
  const cps = [1, 2].map((i) => mlpCheckpointOnnx(tinyMlpWeights(100 + i, [24, 6, 4, 2])));
  for (const c of cps) await store.put(c);
  const train: { contributionId: string; content: Uint8Array }[] = [];
  for (const [i, text] of TEXTS.entries()) {
    const content = encodeExample({ label: i % 2 === 0 ? 1 : 0, text });
    await store.put(content);
    train.push({ contributionId: String(20 + i), content });
  }
  const facts: ModelFacts = {
    modelId: '3',
    artifactHash: sha256Hex(cps[1]),
    trainingConfigHash: sha256Hex(trainingConfig),
    checkpoints: cps.map((c, i) => ({ step: 10 * (i + 1), hash: sha256Hex(c), learningRateWad: 10n ** 17n })),
    trainedOn: [{ datanetId: '1', version: 1, contributionCount: TEXTS.length, merkleRoot: '0x00' }],
    training: train.map((t) => ({ contributionId: t.contributionId, contentHash: sha256Hex(t.content) })),
  };
  const runner = createMethodRunner('cpu', undefined, 0);
  const out = await embed(cps[1], {
    rows: QUERIES.length,
    cols: 24,
    data: Float64Array.from(QUERIES.flatMap((q) => Array.from(featurize(q, featurizer)))),
  });
  const queries = QUERIES.map((q, i) => ({
    input: encodeInferenceInput(q),
    output: encodeInferenceOutput(row(out.probs, i)),
  }));
  /** What an honest poster posts for every query under these parameters. */
  const compute = async (params: MethodParams): Promise<Recomputation[]> =>
    runner.run({
      method: params.method,
      params: (await put(params)).bytes,
      trainingConfig,
      checkpoints: facts.checkpoints.map((c, i) => ({
        step: c.step,
        learningRate: 0.1,
        onnx: cps[i],
        hash: c.hash,
      })),
      train,
      queries,
      artifact: (h) => store.get(h),
    });
  const put = async (params: MethodParams) => {
    const p = paramsArtifact(params);
    await store.put(p.bytes);
    return p;
  };
  /** Posting j of a recomputation under `params`, with the given (possibly manipulated) shares. */
  const posting = async (
    params: MethodParams,
    j: number,
    rec: Recomputation,
    shares: { contributionId: string; weightPpm: number; score: number }[] = rec.top,
  ): Promise<PostingFacts> => ({
    attributionId: String(j + 1),
    method: params.method,
    paramsHash: (await put(params)).hash,
    resultHash: await store.put(canonicalBytes(rec.scores)),
    postedAt: new Date(),
    status: 'POSTED',
    inferenceId: String(j + 1),
    inputHash: await store.put(queries[j].input),
    outputHash: await store.put(queries[j].output),
    modelId: facts.modelId,
    shares: shares.map((t) => ({
      contributionId: t.contributionId,
      weightPpm: t.weightPpm,
      score: scoreToWad(t.score),
    })),
  });
  const deps: ReplayDeps = {
    artifacts: store,
    runner,
    compare: compareAttribution,
    artifactProblem,
    tolerancePpm: 100,
  };
  return { store, facts, compute, posting, deps, texts: TEXTS };
}
