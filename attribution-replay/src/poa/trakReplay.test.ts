import { describe, expect, it } from 'vitest';
import { tinyMlpWeights } from '../../test/tinyMlp.js';
import { artifactProblem } from '../artifacts/ArtifactStore.js';
import { canonicalBytes } from '../artifacts/canonicalJson.js';
import { MemoryArtifactStore } from '../artifacts/FolderArtifactStore.js';
import { sha256Hex } from '../artifacts/sha256.js';
import { encodeExample, encodeInferenceInput, encodeInferenceOutput } from '../features/example.js';
import { featurize, fitFeaturizer } from '../features/featurizer.js';
import { createMethodRunner } from '../methods/methodRunner.js';
import { embed } from '../onnx/embed.js';
import { row } from '../onnx/matrix.js';
import { mlpCheckpointOnnx } from '../onnx/mlpOnnx.js';
import { type ReplayDeps, replayModelBatch } from '../verify/replayBatch.js';
import type { ModelFacts, PostingFacts } from '../verify/replayCase.js';
import { compareAttribution } from './compareAttribution.js';
import { paramsArtifact, scoreToWad } from './postings.js';

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
const PARAMS = { method: 'trak@1', topK: 4, projDim: 16, seed: 42, damping: 0.01 } as const;

/** A tiny two-checkpoint MLP, its artifacts in a verified store, and trak@1 postings (honest or not). */
async function fixture() {
  const store = new MemoryArtifactStore();
  const featurizer = fitFeaturizer(TEXTS, { dim: 24 });
  const trainingConfig = canonicalBytes({ featurizer });
  await store.put(trainingConfig);
  const cps = [1, 2].map((i) => mlpCheckpointOnnx(tinyMlpWeights(100 + i, [24, 6, 4, 2])));
  for (const c of cps) await store.put(c);
  const train = [];
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
  const params = paramsArtifact(PARAMS);
  await store.put(params.bytes);
  const runner = createMethodRunner('cpu');
  const out = await embed(cps[1], {
    rows: QUERIES.length,
    cols: 24,
    data: Float64Array.from(QUERIES.flatMap((q) => Array.from(featurize(q, featurizer)))),
  });
  const queries = QUERIES.map((q, i) => ({
    input: encodeInferenceInput(q),
    output: encodeInferenceOutput(row(out.probs, i)),
  }));
  // the poster computes exactly what the replay will (as the scenario does)
  const recs = await runner.run({
    method: PARAMS.method,
    params: params.bytes,
    trainingConfig,
    checkpoints: facts.checkpoints.map((c, i) => ({
      step: c.step,
      learningRate: 0.1,
      onnx: cps[i],
      hash: c.hash,
    })),
    train,
    queries,
  });
  const posting = async (j: number, shares = recs[j].top): Promise<PostingFacts> => ({
    attributionId: String(j + 1),
    method: PARAMS.method,
    paramsHash: params.hash,
    resultHash: await store.put(canonicalBytes(recs[j].scores)),
    postedAt: new Date(),
    status: 'POSTED',
    inferenceId: String(j + 1),
    inputHash: await store.put(queries[j].input),
    outputHash: await store.put(queries[j].output),
    modelId: '3',
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
  return { recs, posting, deps, facts };
}

describe('trak@1 replay', () => {
  it('verifies honest postings and disputes one that moves weight to an unposted contribution', async () => {
    const f = await fixture();
    expect(f.recs.every((r) => r.top.length === PARAMS.topK && r.scores.some((s) => s !== 0))).toBe(true);
    const honest = [await f.posting(0), await f.posting(1)];
    const top = f.recs[2].top;
    const outsider = f.recs[2].ids.find((id) => !top.some((t) => t.contributionId === id)) as string;
    // the poster takes half of the first contribution's weight and credits a contribution trak@1 did not post
    const half = Math.floor(top[0].weightPpm / 2);
    expect(half).toBeGreaterThan(1000);
    const manipulated = await f.posting(2, [
      { ...top[0], weightPpm: top[0].weightPpm - half },
      ...top.slice(1),
      { contributionId: outsider, weightPpm: half, score: 0.5 },
    ]);
    const v = await replayModelBatch(f.deps, f.facts, [...honest, manipulated]);
    const by = Object.fromEntries(v.map((x) => [x.attributionId, x]));
    expect(by['1'].verdict).toBe('VERIFIED');
    expect(by['2'].verdict).toBe('VERIFIED');
    expect(by['1'].maxDeviationPpm).toBe(0);
    expect(by['3'].verdict).toBe('MISMATCH');
    expect(by['3'].overCredited).toEqual([outsider]);
    expect(by['3'].underCredited).toEqual([top[0].contributionId]);
  });
});
