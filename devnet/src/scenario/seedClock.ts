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

/**
 * Genesis of a chain made to play the seed's scenario: an hour before its first block, so the deployment's
 * blocks lie on the scenario's clock too. A chain born at wall-clock time put its deployment years before
 * every scenario event (2026 against 2033) and stretched each chart of the explorer over those years.
 */
export function scenarioGenesisTimestamp(seed: number): number {
  return seedStartTimestamp(seed) - 3_600;
}
