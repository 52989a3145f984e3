import { describe, expect, it } from 'vitest';
import { artifactProblem } from '../../artifacts/ArtifactStore.js';
import { canonicalBytes } from '../../artifacts/canonicalJson.js';
import { MemoryArtifactStore } from '../../artifacts/FolderArtifactStore.js';
import { sha256Hex } from '../../artifacts/sha256.js';
import { evidenceJson } from '../../dispute/evidence.js';
import { compareAttribution } from '../../poa/compareAttribution.js';
import { scoreToWad } from '../../poa/postings.js';
import { type ReplayDeps, replayModelBatch } from '../../verify/replayBatch.js';
import type { ModelFacts, PostingFacts } from '../../verify/replayCase.js';
import { createMethodRunner } from '../methodRunner.js';
import { encodeCorpusIndex } from './corpusIndex.js';
import { spanMatch } from './spanMatch.js';
import { spanParamsArtifact } from './spanParams.js';
import { spanResultArtifact } from './spanResult.js';
import { inferText, trainTextModel } from './textModel.js';

const TEXTS = [
  'Dear friend, you have won a free cruise to the Bahamas. Click here to claim your prize today!',
  'The meeting is moved to Thursday at noon. Please bring the quarterly report.',
  'Click here to claim your prize before midnight, this offer will not last.',
  'Please bring the quarterly report and the budget sheet to the meeting on Friday.',
  'Free cruise to the Bahamas for the first hundred callers!',
];
const PARAMS = { method: 'span-match@1', minLength: 3, topK: 3 } as const;

/** A text model, its artifacts in a verified store, and postings: honest or manipulated. */
async function fixture() {
  const store = new MemoryArtifactStore();
  const train = await Promise.all(
    TEXTS.map(async (text, i) => {
      const content = canonicalBytes({ label: i % 2, text });
      await store.put(content);
      return { contributionId: String(10 + i), content };
    }),
  );
  const model = trainTextModel(train, 16);
  await store.put(model.checkpoint.bytes);
  await store.put(model.trainingConfig.bytes);
  const facts: ModelFacts = {
    modelId: '7',
    artifactHash: model.checkpoint.hash,
    trainingConfigHash: model.trainingConfig.hash,
    checkpoints: [{ step: 1, hash: model.checkpoint.hash, learningRateWad: 0n }],
    trainedOn: [{ datanetId: '1', version: 1, contributionCount: TEXTS.length, merkleRoot: '0x00' }],
    training: train.map((t) => ({ contributionId: t.contributionId, contentHash: sha256Hex(t.content) })),
  };
  const params = spanParamsArtifact(PARAMS);
  await store.put(params.bytes);
  const posting = async (
    id: string,
    prompt: string,
    tamper?: (r: ReturnType<typeof spanMatch>) => { shares?: PostingFacts['shares']; result?: Uint8Array },
  ): Promise<PostingFacts> => {
    const out = inferText(model, prompt);
    const rec = spanMatch(model.index, out.text, PARAMS);
    let shares = rec.top.map((t) => ({ ...t, score: scoreToWad(t.score) }));
    let result = rec.resultBytes as Uint8Array;
    const t = tamper?.(rec);
    if (t?.shares) shares = t.shares;
    if (t?.result) result = t.result;
    return {
      attributionId: id,
      method: PARAMS.method,
      paramsHash: params.hash,
      resultHash: await store.put(result),
      postedAt: new Date(),
      status: 'POSTED',
      inferenceId: id,
      inputHash: await store.put(canonicalBytes({ text: prompt })),
      outputHash: await store.put(out.output),
      modelId: '7',
      shares,
    };
  };
  const deps: ReplayDeps = {
    artifacts: store,
    runner: createMethodRunner('cpu'),
    compare: compareAttribution,
    artifactProblem,
    tolerancePpm: 100,
  };
  return { store, model, facts, posting, deps };
}

describe('span-match@1 replay', () => {
  it('verifies an honest posting bit for bit and flags manipulated weights and forged spans', async () => {
    const f = await fixture();
    const honest = await f.posting('1', 'you have won a');
    expect(honest.shares.length).toBeGreaterThan(0);
    const inflated = await f.posting('2', 'please bring the', (r) => ({
      // the poster credits an unrelated contribution with half of everything
      shares: [
        ...r.top.map((t) => ({ ...t, weightPpm: Math.floor(t.weightPpm / 2), score: scoreToWad(t.score) })),
        { contributionId: '14', weightPpm: 500_000, score: 1n },
      ],
    }));
    const forged = await f.posting('3', 'click here to', (r) => ({
      result: spanResultArtifact({
        scores: r.scores,
        spans: r.spans.map((s) => ({ ...s, contributions: ['11'] })),
      }).bytes,
    }));
    const v = await replayModelBatch(f.deps, f.facts, [honest, inflated, forged]);
    const by = Object.fromEntries(v.map((x) => [x.attributionId, x]));
    expect(by['1'].verdict).toBe('VERIFIED');
    expect(by['1'].recomputed?.map((s) => [s.contributionId, s.weightPpm])).toEqual(
      honest.shares.map((s) => [s.contributionId, s.weightPpm]),
    );
    expect(by['1'].maxDeviationPpm).toBe(0);
    expect(by['2'].verdict).toBe('MISMATCH');
    expect(by['2'].overCredited).toContain('14');
    expect(by['2'].maxDeviationPpm).toBeGreaterThan(100_000);
    expect(by['3'].verdict).toBe('MISMATCH');
    expect(by['3'].reason).toMatch(/posted spans differ/);
    const diff = by['3'].resultDiff as {
      postedOnly: { contributions: string[] }[];
      recomputedOnly: unknown[];
    };
    expect(diff.postedOnly.every((s) => s.contributions.join() === '11')).toBe(true);
    expect(diff.recomputedOnly.length).toBe(diff.postedOnly.length);
    // the differing spans are in the evidence document that goes on chain with the dispute
    const ev = JSON.parse(new TextDecoder().decode(evidenceJson(forged, by['3'], 100)));
    expect(ev.resultDiff.postedOnly.length).toBeGreaterThan(0);
  });

  it('is UNVERIFIABLE when the index is corrupt in the store or is not the training set’s index', async () => {
    const f = await fixture();
    const p = await f.posting('1', 'free cruise to');
    // flip one byte of the stored checkpoint: its bytes no longer hash to the chain's sha256
    const stored = f.store.blobs.get(f.model.checkpoint.hash) as Uint8Array;
    stored[stored.length - 1] ^= 1;
    const [corrupt] = await replayModelBatch(f.deps, f.facts, [p]);
    expect(corrupt.verdict).toBe('UNVERIFIABLE');
    expect(corrupt.artifact?.problem).toBe('hash-mismatch');
    // a checkpoint that hashes right but indexes other texts (a poster's wrong "model")
    const other = encodeCorpusIndex(
      trainTextModel([{ contributionId: '10', content: canonicalBytes({ text: 'x y z' }) }]).index,
    );
    await f.store.put(other.bytes);
    const wrong = { ...f.facts, checkpoints: [{ step: 1, hash: other.hash, learningRateWad: 0n }] };
    const [mismatched] = await replayModelBatch(f.deps, wrong, [p]);
    expect(mismatched.verdict).toBe('UNVERIFIABLE');
    expect(mismatched.reason).toMatch(/not the words@1 index/);
  });
});
