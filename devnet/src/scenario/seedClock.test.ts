import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SCENARIO_EPOCH, seedStartTimestamp } from './seedClock.js';

describe('seedStartTimestamp', () => {
  it('is a function of the seed alone, on or after the epoch, whole days apart', () => {
    fc.assert(
      fc.property(fc.integer(), (seed) => {
        const t = seedStartTimestamp(seed);
        expect(t).toBe(seedStartTimestamp(seed));
        expect(t).toBeGreaterThanOrEqual(SCENARIO_EPOCH);
        expect((t - SCENARIO_EPOCH) % 86_400).toBe(0);
        expect(t).toBeLessThan(SCENARIO_EPOCH + 1000 * 86_400);
      }),
    );
    expect(seedStartTimestamp(1)).not.toBe(seedStartTimestamp(2));
  });
});
