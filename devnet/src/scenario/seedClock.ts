/** 2033-05-18T03:33:20Z: after any wall-clock head a devnet starts with for years to come. */
export const SCENARIO_EPOCH = 2_000_000_000;

/**
 * The scenario's first block timestamp, derived from its seed alone (a day per seed step, modulo 1000 days),
 * so the same seed on a fresh chain gives the same block timestamps, hence the same event-stream hash: the
 * chain's clock, not the wall clock, is the clock of everything the explorer shows.
 */
export function seedStartTimestamp(seed: number): number {
  const day = ((Math.trunc(seed) % 1000) + 1000) % 1000;
  return SCENARIO_EPOCH + day * 86_400;
}
