import { describe, expect, it } from 'vitest';
import { MemoryStore, problemOf, ToyRunner, toyCompare, toyScores } from '../../test/fixtureEngine.js';
import { ArtifactMalformedError } from '../artifacts/ArtifactStore.js';
import { sha256Hex } from '../artifacts/sha256.js';
import { type ReplayDeps, replayModelBatch } from './replayBatch.js';
import type { ModelFacts, PostingFacts } from './replayCase.js';

const enc = (s: string) => new TextEncoder().encode(s);

async function fixture() {
  const store = new MemoryStore();
  const values = [3, 9, 1, 7, 4, 12];
  const training: ModelFacts['training'] = [];
  for (const [i, v] of values.entries())
    training.push({ contributionId: String(i + 1), contentHash: await store.put(enc(String(v))) });
  const model: ModelFacts = {
    modelId: '1',
    artifactHash: await store.put(enc('onnx')),
    trainingConfigHash: await store.put(enc('{"featurizer":"x"}')),
    checkpoints: [{ step: 5, hash: await store.put(enc('onnx')), learningRateWad: 10n ** 16n }],
    trainedOn: [{ datanetId: '1', version: 1, contributionCount: 6, merkleRoot: '0x00' }],
    training,
  };
  const params = await store.put(enc('{"k":3}'));
  const posting = async (id: string, q: number, tamper = false): Promise<PostingFacts> => {
    const rec = toyScores(
      values,
      q,
      3,
      training.map((t) => t.contributionId),
    );
    const shares = rec.top.map((t) => ({
      contributionId: t.contributionId,
      weightPpm: t.weightPpm,
      score: BigInt(Math.round(t.score * 1e18)),
    }));
    if (tamper) [shares[0].weightPpm, shares[2].weightPpm] = [shares[2].weightPpm, shares[0].weightPpm];
    return {
      attributionId: id,
      method: 'toy@1',
      paramsHash: params,
      resultHash: await store.put(enc(JSON.stringify(rec.scores))),
      postedAt: new Date(),
      status: 'POSTED',
      inferenceId: id,
      inputHash: await store.put(enc(String(q))),
      outputHash: await store.put(enc(`out${q}`)),
      modelId: '1',
      shares,
    };
  };
  const runner = new ToyRunner();
  const deps: ReplayDeps = {
    artifacts: store,
    runner,
    compare: toyCompare,
    artifactProblem: problemOf,
    tolerancePpm: 100,
  };
  return { store, model, posting, runner, deps };
}

describe('replayModelBatch', () => {
  it('verifies honest postings, flags tampered ones, and runs one batch per (method, params)', async () => {
    const f = await fixture();
    const ps = [await f.posting('1', 2), await f.posting('2', 8, true), await f.posting('3', 5)];
    const v = await replayModelBatch(f.deps, f.model, ps);
    expect(Object.fromEntries(v.map((x) => [x.attributionId, x.verdict]))).toEqual({
      '1': 'VERIFIED',
      '2': 'MISMATCH',
      '3': 'VERIFIED',
    });
    expect(f.runner.calls).toEqual([3]);
    const m = v.find((x) => x.attributionId === '2')!;
    expect(m.maxDeviationPpm).toBeGreaterThan(100);
    expect(m.overCredited!.length).toBe(1);
    expect(m.underCredited!.length).toBe(1);
    expect(m.recomputed!.length).toBe(3);
  });

  it('names a corrupted training contribution and makes every posting of the model UNVERIFIABLE', async () => {
    const f = await fixture();
    const ps = [await f.posting('1', 2), await f.posting('2', 8)];
    const bad = f.model.training[3].contentHash;
    f.store.blobs.set(bad, enc('999'));
    const v = await replayModelBatch(f.deps, f.model, ps);
    for (const x of v) {
      expect(x.verdict).toBe('UNVERIFIABLE');
      expect(x.artifact).toEqual({ role: 'contribution 4', hash: bad, problem: 'hash-mismatch' });
      expect(x.reason).toContain(`contribution 4 artifact ${bad} is corrupt`);
    }
    expect(f.runner.calls).toEqual([]);
  });

  it('names a missing checkpoint, a missing params artifact and an unknown method, and still replays the rest', async () => {
    const f = await fixture();
    const ok = await f.posting('1', 2);
    const noParams = { ...(await f.posting('2', 8)), paramsHash: `0x${'11'.repeat(32)}` as const };
    const unknown = { ...(await f.posting('3', 5)), method: 'magic@9' };
    const v = await replayModelBatch(f.deps, f.model, [ok, noParams, unknown]);
    const by = Object.fromEntries(v.map((x) => [x.attributionId, x]));
    expect(by['1'].verdict).toBe('VERIFIED');
    expect(by['2']).toMatchObject({
      verdict: 'UNVERIFIABLE',
      artifact: { role: 'params', problem: 'missing' },
    });
    expect(by['3'].verdict).toBe('UNVERIFIABLE');
    expect(by['3'].reason).toContain('unknown method "magic@9"');

    f.store.blobs.delete(f.model.checkpoints[0].hash);
    const v2 = await replayModelBatch(f.deps, f.model, [ok]);
    expect(v2[0]).toMatchObject({
      verdict: 'UNVERIFIABLE',
      artifact: { role: 'checkpoint (model 1, step 5)', problem: 'missing' },
    });
  });

  it('replays a batch whose one input is malformed posting by posting, naming the bad input', async () => {
    const f = await fixture();
    const good = await f.posting('1', 2);
    const bad = { ...(await f.posting('2', 8)), inputHash: await f.store.put(enc('not a number')) };
    const runner = new ToyRunner();
    const strict: ReplayDeps = {
      ...f.deps,
      runner: {
        methods: runner.methods,
        device: 'cpu',
        run: async (input) => {
          for (const q of input.queries)
            if (Number.isNaN(Number(new TextDecoder().decode(q.input))))
              throw new ArtifactMalformedError(sha256Hex(q.input), 'toy input');
          return runner.run(input);
        },
      },
    };
    const v = await replayModelBatch(strict, f.model, [good, bad]);
    const by = Object.fromEntries(v.map((x) => [x.attributionId, x]));
    expect(by['1'].verdict).toBe('VERIFIED');
    expect(by['2']).toMatchObject({
      verdict: 'UNVERIFIABLE',
      artifact: { hash: bad.inputHash, problem: 'malformed' },
    });
  });

  it('never verifies without the model or its checkpoints', async () => {
    const f = await fixture();
    const p = await f.posting('1', 2);
    expect((await replayModelBatch(f.deps, undefined, [p]))[0].verdict).toBe('UNVERIFIABLE');
    expect((await replayModelBatch(f.deps, { ...f.model, checkpoints: [] }, [p]))[0].verdict).toBe(
      'UNVERIFIABLE',
    );
  });

  it('lets faults that are not the evidence propagate, so the job is retried', async () => {
    const f = await fixture();
    const p = await f.posting('1', 2);
    const deps: ReplayDeps = {
      ...f.deps,
      artifacts: {
        get: async () => Promise.reject(new Error('disk on fire')),
        put: f.store.put.bind(f.store),
      },
    };
    await expect(replayModelBatch(deps, f.model, [p])).rejects.toThrow('disk on fire');
  });
});
