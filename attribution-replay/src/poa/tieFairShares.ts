import { UserError } from '@ae/core/errors';
import { MAX_TOP_K, type Share } from './postings.js';

/** Scores are compared and weighed in integer units of 1e-12 (a tie is an equal quantized value). */
export const SCORE_QUANTUM = 1e12;
const PPM = 1_000_000n;

/** A score as the tie rule sees it: max(s, 0) in integer units of 1e-12 (non-finite is a caller's error). */
export function quantizeScore(s: number): bigint {
  if (!Number.isFinite(s)) throw new UserError(`score ${s} is not finite`);
  return s <= 0 ? 0n : BigInt(Math.round(s * SCORE_QUANTUM));
}

/**
 * knn-shapley@2's posting rule, which never pays by contribution id or training order:
 * 1. q_i = quantizeScore(s_i); only q_i > 0 can be paid. If at most topK are positive, all of them are posted.
 * 2. Otherwise let b be the topK-th largest q. A = {q > b} is posted with mass q_i; the boundary group
 *    G = {q = b} shares the boundary's mass r·b (r = topK − |A| slots) equally: each posted member gets r·b/|G|.
 * 3. If G does not fit in the registry's 64 shares next to A, the `64 − |A|` members with the smallest
 *    lottery key (sha256 of query and content, never the id) are posted and share r·b; members whose key
 *    equals the key at the cut are all left out together.
 * 4. ppm in integer arithmetic: floor(1e6·m_i / Σm), then the rest by largest remainder in whole groups of
 *    equal mass (+1 ppm to every member or none), repeated while a group fits. Weights sum to exactly
 *    1,000,000 unless every group has ≥ 2 members; then the rest (< the smallest group) stays unweighted
 *    and the distributor gives it to the protocol, as it does with all rounding.
 * Equal scores therefore always get equal weights, and permuting ids never changes who is paid or how much.
 */
export function tieFairShares(
  scores: ArrayLike<number>,
  ids: readonly string[],
  topK: number,
  /** Asked only for members of a tied group too large for the posting (rare; sha256 per call is fine). */
  lotteryKey?: (index: number) => string,
): Share[] {
  if (ids.length !== scores.length) throw new UserError('one contribution id per score is required');
  if (!Number.isInteger(topK) || topK < 1 || topK > MAX_TOP_K)
    throw new UserError(`topK must be in 1..${MAX_TOP_K}`);
  const q = Array.from(scores, quantizeScore);
  const positive = q.map((_, i) => i).filter((i) => q[i] > 0n);
  let mass = new Map<number, bigint>();
  if (positive.length <= topK) for (const i of positive) mass.set(i, q[i]);
  else {
    const sorted = positive.map((i) => q[i]).sort((a, b) => (a > b ? -1 : a < b ? 1 : 0));
    const b = sorted[topK - 1];
    const above = positive.filter((i) => q[i] > b);
    let group = positive.filter((i) => q[i] === b);
    const r = BigInt(topK - above.length);
    const room = MAX_TOP_K - above.length;
    if (group.length > room) group = drawGroup(group, room, lotteryKey);
    const size = BigInt(group.length);
    mass = new Map(above.map((i) => [i, q[i] * size]));
    for (const i of group) mass.set(i, r * b);
  }
  const ppm = toPpm(mass);
  return [...ppm.keys()]
    .sort((x, y) => Number(ppm.get(y)! - ppm.get(x)!) || scores[y] - scores[x] || compareIds(ids[x], ids[y]))
    .map((i) => ({ contributionId: ids[i], weightPpm: ppm.get(i)!, score: scores[i] }));
}

/** The `room` members of a tied group with the smallest lottery keys; equal keys at the cut go out together. */
function drawGroup(group: number[], room: number, key: ((i: number) => string) | undefined): number[] {
  if (!key) throw new UserError('a tied group larger than the posting needs lottery keys');
  const keys = new Map(group.map((i) => [i, key(i)]));
  const byKey = [...group].sort((a, b) =>
    keys.get(a)! < keys.get(b)! ? -1 : keys.get(a)! > keys.get(b)! ? 1 : 0,
  );
  let n = room;
  while (n > 0 && keys.get(byKey[n - 1]) === keys.get(byKey[n])) n--;
  return byKey.slice(0, n);
}

/** Masses → ppm: floors, then the rest by largest remainder over whole groups of equal mass. */
function toPpm(mass: Map<number, bigint>): Map<number, number> {
  const total = [...mass.values()].reduce((a, b) => a + b, 0n);
  const out = new Map<number, number>();
  if (total === 0n) return out;
  const groups = new Map<bigint, { members: number[]; rem: bigint }>();
  let left = PPM;
  for (const [i, m] of mass) {
    const w = (PPM * m) / total;
    out.set(i, Number(w));
    left -= w;
    const g = groups.get(m) ?? { members: [], rem: (PPM * m) % total };
    g.members.push(i);
    groups.set(m, g);
  }
  const order = [...groups.entries()].sort(([ma, a], [mb, b]) =>
    a.rem !== b.rem ? (a.rem > b.rem ? -1 : 1) : ma > mb ? -1 : ma < mb ? 1 : 0,
  );
  let gave = true;
  while (left > 0n && gave) {
    gave = false;
    for (const [, g] of order) {
      if (BigInt(g.members.length) > left) continue;
      for (const i of g.members) out.set(i, out.get(i)! + 1);
      left -= BigInt(g.members.length);
      gave = true;
    }
  }
  return out;
}

/** Presentation order only (never who is paid): numeric ids ascending, others by string. */
function compareIds(a: string, b: string): number {
  return a.length - b.length || (a < b ? -1 : a > b ? 1 : 0);
}
