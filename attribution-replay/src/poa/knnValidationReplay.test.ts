import { describe, expect, it } from 'vitest';
import { tinyModelFixture } from '../../test/tinyModelFixture.js';
import { sha256Hex } from '../artifacts/sha256.js';
import { encodeValidationSet } from '../features/example.js';
import { replayModelBatch } from '../verify/replayBatch.js';
import type { KnnShapleyV2Params } from './postings.js';

const VALIDATION = [
  { label: 1, text: 'click here for a free prize' },
  { label: 0, text: 'the meeting report is attached' },
  { label: 1, text: 'cheap offer click now' },
];

describe('knn-shapley@2 valued against a validation set', () => {
  it('carries the set’s hash: the named set verifies, another set or a missing one does not', async () => {
    const f = await tinyModelFixture();
    const v1 = await f.store.put(encodeValidationSet(VALIDATION));
    const v2 = await f.store.put(encodeValidationSet(VALIDATION.map((e) => ({ ...e, label: 1 - e.label }))));
    const base = { method: 'knn-shapley@2', k: 3, topK: 4, representation: 'features' } as const;
    const p1: KnnShapleyV2Params = { ...base, validation: v1 };
    const honest = await f.compute(p1);
    const plain = await f.compute(base);
    // the validation set changes the values (it is not decoration)
    expect(honest.map((r) => r.scores)).not.toEqual(plain.map((r) => r.scores));
    // a poster who valued against another set but names v1 in its parameters
    const other = await f.compute({ ...base, validation: v2 });
    const lying = await f.posting(p1, 1, other[1]);
    const v = await replayModelBatch(f.deps, f.facts, [await f.posting(p1, 0, honest[0]), lying]);
    const by = Object.fromEntries(v.map((x) => [x.attributionId, x]));
    expect(by['1'].verdict).toBe('VERIFIED');
    expect(by['1'].maxDeviationPpm).toBe(0);
    expect(by['2'].verdict).not.toBe('VERIFIED');
    // parameters naming a set that is not in the store: UNVERIFIABLE, never VERIFIED
    const missing = sha256Hex('no such validation set');
    const [gone] = await replayModelBatch(f.deps, f.facts, [
      await f.posting({ ...base, validation: missing }, 2, honest[2]),
    ]);
    expect(gone.verdict).toBe('UNVERIFIABLE');
    expect(gone.artifact?.problem).toBe('missing');
  });
});
