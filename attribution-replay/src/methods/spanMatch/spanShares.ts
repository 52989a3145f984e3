import { UserError } from '@ae/core/errors';
import { MAX_TOP_K, type Share } from '../../poa/postings.js';

const PPM = 1_000_000n;

/**
 * span-match@1's posting from integer scores (training order), without ever favouring a contribution for
 * its id (SPAN_MATCH.md §shares):
 *
 * - the posted set: contributions with a positive score, best first, taking whole groups of equal score
 *   while the set has fewer than topK; a group that crosses topK comes in whole (ties share, nobody is cut
 *   by id), unless it would pass MAX_TOP_K (the registry's limit), then it stays out whole;
 * - weights: floor(1e6·s / S) with S the posted sum; the remaining R ppm go one unit per member to whole
 *   groups, in order of larger remainder 1e6·s mod S then larger score, over repeated passes, while a group
 *   fits in R. The weights sum to exactly 1e6 unless every group is larger than the last R (only possible
 *   when no contribution's score is unique); then they sum to 1e6 − R with R < the smallest group size.
 * - order: score descending, then training order (presentation only; weights do not depend on it).
 */
export function spanTopShares(scores: readonly bigint[], ids: readonly string[], topK: number): Share[] {
  if (ids.length !== scores.length) throw new UserError('one contribution id per score is required');
  if (!Number.isInteger(topK) || topK < 1 || topK > MAX_TOP_K)
    throw new UserError(`topK must be in 1..${MAX_TOP_K}`);
  const order = scores
    .map((s, i) => ({ s, i }))
    .filter((x) => x.s > 0n)
    .sort((a, b) => (a.s === b.s ? a.i - b.i : a.s > b.s ? -1 : 1));
  const groups: { s: bigint; members: number[] }[] = [];
  for (const x of order) {
    const g = groups[groups.length - 1];
    if (g && g.s === x.s) g.members.push(x.i);
    else groups.push({ s: x.s, members: [x.i] });
  }
  const posted: typeof groups = [];
  let n = 0;
  for (const g of groups) {
    if (n >= topK || n + g.members.length > MAX_TOP_K) break;
    posted.push(g);
    n += g.members.length;
  }
  const sum = posted.reduce((a, g) => a + g.s * BigInt(g.members.length), 0n);
  const base = posted.map((g) => (PPM * g.s) / sum);
  let rest = PPM - posted.reduce((a, g, j) => a + base[j] * BigInt(g.members.length), 0n);
  const extra = posted.map(() => 0n);
  const byRemainder = posted
    .map((g, j) => ({ j, rem: (PPM * g.s) % sum }))
    .sort((a, b) => (a.rem === b.rem ? a.j - b.j : a.rem > b.rem ? -1 : 1));
  for (let gave = true; rest > 0n && gave; ) {
    gave = false;
    for (const { j } of byRemainder) {
      const size = BigInt(posted[j].members.length);
      if (size <= rest) {
        extra[j]++;
        rest -= size;
        gave = true;
      }
    }
  }
  return posted.flatMap((g, j) =>
    g.members.map((i) => ({
      contributionId: ids[i],
      weightPpm: Number(base[j] + extra[j]),
      score: toSafeNumber(g.s),
    })),
  );
}

function toSafeNumber(x: bigint): number {
  const n = Number(x);
  if (!Number.isSafeInteger(n)) throw new RangeError(`span score ${x} exceeds 2^53`);
  return n;
}
