import { createHash } from 'node:crypto';
import type { Hex } from 'viem';
import type { EnginePosting } from '../engine.js';
import type { AttributionKind } from '../plan.js';
import type { Posting } from '../protocol.js';

export interface Tampered {
  posting: Posting;
  /** What was actually done (a swap falls back to moving weight when no colluder contribution is outside the top-K). */
  how?: 'weight-moved' | 'contribution-swapped';
  over: bigint[];
  under: bigint[];
}

/**
 * Turns the engine's honest posting into the planned lie. Weight moves to (or a top contribution is
 * swapped for) one of the colluder's accepted contributions, preferring one in the model's training set;
 * scores stay as the engine computed them, so only a replay of the weights and the top-K exposes it.
 */
export function tamper(
  kind: AttributionKind,
  honest: EnginePosting,
  base: Posting,
  preferred: readonly bigint[],
  fallback: readonly bigint[],
): Tampered {
  const ids = [...base.contributionIds];
  const weights = [...base.weightsPpm];
  const scores = [...base.scores];
  if (kind === 'manipulated-weight' || kind === 'manipulated-swap') {
    const inTop = new Set(ids);
    const scoreOf = new Map(honest.ids.map((id, i) => [id, honest.scores[i]]));
    const outsidePreferred = preferred.filter((c) => !inTop.has(c));
    const outsideAny = fallback.filter((c) => !inTop.has(c));
    const pickFrom =
      outsidePreferred.length > 0 ? outsidePreferred : outsideAny.length > 0 ? outsideAny : fallback;
    if (pickFrom.length === 0) throw new RangeError('the colluder has no accepted contribution');
    // the colluder's lowest-scored contribution: the most damning one to credit
    const target = [...pickFrom].sort(
      (x, y) => (scoreOf.get(x) ?? 0) - (scoreOf.get(y) ?? 0) || (x < y ? -1 : 1),
    )[0];
    const fixedScore = BigInt(Math.round((scoreOf.get(target) ?? 0) * 1e18));
    // a swap needs a colluder contribution outside the top-K; without one, weight moves instead
    if (kind === 'manipulated-swap' && !inTop.has(target)) {
      const victim = ids[0];
      ids[0] = target;
      scores[0] = fixedScore;
      return {
        posting: { ...base, contributionIds: ids, weightsPpm: weights, scores },
        how: 'contribution-swapped',
        over: [target],
        under: [victim],
      };
    }
    // weight-moved: half of every other share goes to the colluder's contribution
    let at = ids.indexOf(target);
    const under: bigint[] = [];
    if (at < 0) {
      const last = ids.length - 1;
      under.push(ids[last]);
      ids[last] = target;
      scores[last] = fixedScore;
      weights[last] = 0;
      at = last;
    }
    let moved = 0;
    for (let i = 0; i < weights.length; i++) {
      if (i === at || weights[i] === 0) continue;
      const take = Math.floor(weights[i] / 2);
      weights[i] -= take;
      moved += take;
      if (take > 0 && !under.includes(ids[i])) under.push(ids[i]);
    }
    weights[at] += moved;
    if (moved < 1_000) {
      const room = 1_000_000 - weights.reduce((x, y) => x + y, 0);
      weights[at] += Math.min(1_000, room);
    }
    return {
      posting: { ...base, contributionIds: ids, weightsPpm: weights, scores },
      how: 'weight-moved',
      over: [target],
      under,
    };
  }
  return { posting: base, over: [], under: [] };
}

/** A bytes32 that names no stored artifact, derived from a label so that runs repeat. */
export function bogusHash(label: string): Hex {
  return `0x${createHash('sha256').update(`not-an-artifact:${label}`).digest('hex')}`;
}
