import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { EnginePosting } from '../engine.js';
import type { Posting } from '../protocol.js';
import { tamper } from './manipulate.js';

const ZERO = `0x${'0'.repeat(64)}` as const;

/** An honest posting over N contributions (ids 1..N) with top-K weights that sum to at most 1e6. */
const honestArb = fc
  .record({
    n: fc.integer({ min: 4, max: 40 }),
    k: fc.integer({ min: 1, max: 12 }),
    seed: fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 40, maxLength: 40 }),
  })
  .map(({ n, k, seed }) => {
    const ids = Array.from({ length: n }, (_, i) => BigInt(i + 1));
    const scores = ids.map((_, i) => seed[i]);
    const order = ids
      .map((_, i) => i)
      .sort((a, b) => scores[b] - scores[a] || a - b)
      .slice(0, Math.min(k, n));
    const total = scores.reduce((s, x) => s + x, 0) || 1;
    const top = order.map((i) => ({
      contributionId: ids[i],
      weightPpm: Math.floor((1e6 * scores[i]) / total),
      score: BigInt(Math.round(scores[i] * 1e18)),
    }));
    const engine: EnginePosting = {
      paramsBytes: new Uint8Array(),
      resultBytes: new Uint8Array(),
      paramsHash: ZERO,
      resultHash: ZERO,
      resultURI: '',
      ids,
      scores,
      top,
    };
    const base: Posting = {
      inferenceId: 1n,
      method: 'knn-shapley@1',
      paramsHash: ZERO,
      resultHash: ZERO,
      resultURI: '',
      contributionIds: top.map((t) => t.contributionId),
      weightsPpm: top.map((t) => t.weightPpm),
      scores: top.map((t) => t.score),
    };
    return { engine, base, n };
  });

describe('tamper', () => {
  it('yields a posting the contract accepts, crediting the colluder, that differs from the honest one', () => {
    fc.assert(
      fc.property(
        honestArb,
        fc.constantFrom('manipulated-weight', 'manipulated-swap') as fc.Arbitrary<
          'manipulated-weight' | 'manipulated-swap'
        >,
        fc.integer({ min: 1, max: 5 }),
        ({ engine, base, n }, kind, nColl) => {
          const colluder = Array.from({ length: Math.min(nColl, n) }, (_, i) => BigInt(n - i));
          const t = tamper(kind, engine, base, colluder.slice(0, 1), colluder);
          const p = t.posting;
          expect(new Set(p.contributionIds).size).toBe(p.contributionIds.length);
          expect(p.weightsPpm.reduce((s, x) => s + x, 0)).toBeLessThanOrEqual(1_000_000);
          expect(p.weightsPpm.every((x) => x >= 0)).toBe(true);
          expect(p.contributionIds.length).toBe(base.contributionIds.length);
          expect(colluder).toEqual(expect.arrayContaining(t.over));
          const same = p.contributionIds.every(
            (c, i) => c === base.contributionIds[i] && p.weightsPpm[i] === base.weightsPpm[i],
          );
          // a lie is always possible unless the colluder already holds every ppm of the posting
          const colluderHoldsAll =
            base.contributionIds.every((c, i) => colluder.includes(c) || base.weightsPpm[i] === 0) &&
            !colluder.some((c) => !base.contributionIds.includes(c));
          if (!colluderHoldsAll) expect(same).toBe(false);
        },
      ),
      { numRuns: 300 },
    );
  });
});
