import { describe, expect, it } from 'vitest';
import { tinyModelFixture } from '../../test/tinyModelFixture.js';
import { replayModelBatch } from '../verify/replayBatch.js';

const PARAMS = { method: 'trak@1', topK: 4, projDim: 16, seed: 42, damping: 0.01 } as const;

describe('trak@1 replay', () => {
  it('verifies honest postings and disputes one that moves weight to an unposted contribution', async () => {
    const f = await tinyModelFixture();
    const recs = await f.compute(PARAMS);
    expect(recs.every((r) => r.top.length === PARAMS.topK && r.scores.some((s) => s !== 0))).toBe(true);
    const honest = [await f.posting(PARAMS, 0, recs[0]), await f.posting(PARAMS, 1, recs[1])];
    const top = recs[2].top;
    const outsider = recs[2].ids.find((id) => !top.some((t) => t.contributionId === id)) as string;
    // the poster takes half of the first contribution's weight and credits a contribution trak@1 did not post
    const half = Math.floor(top[0].weightPpm / 2);
    expect(half).toBeGreaterThan(1000);
    const manipulated = await f.posting(PARAMS, 2, recs[2], [
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
