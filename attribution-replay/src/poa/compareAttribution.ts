import type { Recomputation } from './postings.js';

export interface PostedShareLike {
  contributionId: string;
  weightPpm: number;
}

export interface EvidenceRow {
  contributionId: string;
  postedPpm: number | null;
  recomputedPpm: number | null;
  deviationPpm: number;
  /** over = posted more than recomputed; near-tie = a difference decided by a (near-)tie, not fraud. */
  flag: 'ok' | 'over' | 'under' | 'near-tie';
}

export interface Comparison {
  verdict: 'VERIFIED' | 'MISMATCH';
  /** Largest deviation among rows that are not explained by a tie (ppm). */
  maxDeviationPpm: number;
  overCredited: string[];
  underCredited: string[];
  rows: EvidenceRow[];
  /** Recomputed top-K, as the replay would have posted it. */
  recomputedTop: Recomputation['top'];
  notes?: string;
}

/** Default weight tolerance of a VERIFIED verdict. */
export const DEFAULT_TOLERANCE_PPM = 100;

/**
 * Compares a posting with its recomputation. VERIFIED when every weight is within the tolerance, counting a
 * contribution missing on one side as 0 ppm, except differences explained by ties: a near-tie in distance
 * that the recomputation reported, or a score tie at the top-K boundary (another contribution with exactly
 * the boundary score could have been posted instead). Anything else is MISMATCH with the largest deviation
 * and the over- and under-credited contributions.
 */
export function compareAttribution(
  posted: readonly PostedShareLike[],
  recomputed: Pick<Recomputation, 'top' | 'nearTies'> & Partial<Pick<Recomputation, 'ids' | 'scores'>>,
  tolerancePpm: number = DEFAULT_TOLERANCE_PPM,
): Comparison {
  const rec = new Map(recomputed.top.map((t) => [t.contributionId, t.weightPpm]));
  const post = new Map<string, number>();
  for (const s of posted) post.set(s.contributionId, (post.get(s.contributionId) ?? 0) + s.weightPpm);
  const nearTie = new Set(recomputed.nearTies);
  // score ties at the boundary: contributions whose full recomputed score equals the K-th posted score
  const boundary = recomputed.top.length ? recomputed.top[recomputed.top.length - 1].score : undefined;
  const scoreOf = new Map<string, number>();
  if (recomputed.ids && recomputed.scores)
    recomputed.ids.forEach((id, i) => {
      scoreOf.set(id, recomputed.scores![i]);
    });
  const tiedAtBoundary = (id: string) => boundary !== undefined && scoreOf.get(id) === boundary;
  const boundaryPpm = recomputed.top.length ? recomputed.top[recomputed.top.length - 1].weightPpm : 0;
  const postedOnlyTied = [...post.keys()].some((id) => !rec.has(id) && tiedAtBoundary(id));

  const ids = [...new Set([...post.keys(), ...rec.keys()])];
  const rows: EvidenceRow[] = ids.map((id) => {
    const p = post.get(id) ?? null;
    const r = rec.get(id) ?? null;
    const dev = (p ?? 0) - (r ?? 0);
    let flag: EvidenceRow['flag'] = Math.abs(dev) <= tolerancePpm ? 'ok' : dev > 0 ? 'over' : 'under';
    if (flag !== 'ok') {
      if (nearTie.has(id)) flag = 'near-tie';
      else if (r === null && tiedAtBoundary(id) && Math.abs((p ?? 0) - boundaryPpm) <= tolerancePpm)
        flag = 'near-tie';
      else if (p === null && tiedAtBoundary(id) && postedOnlyTied) flag = 'near-tie';
    }
    return { contributionId: id, postedPpm: p, recomputedPpm: r, deviationPpm: Math.abs(dev), flag };
  });
  const counted = rows.filter((x) => x.flag !== 'near-tie');
  const ties = rows.filter((x) => x.flag === 'near-tie').map((x) => x.contributionId);
  const overCredited = rows.filter((x) => x.flag === 'over').map((x) => x.contributionId);
  const underCredited = rows.filter((x) => x.flag === 'under').map((x) => x.contributionId);
  return {
    verdict: overCredited.length + underCredited.length === 0 ? 'VERIFIED' : 'MISMATCH',
    maxDeviationPpm: Math.max(0, ...counted.map((x) => x.deviationPpm)),
    overCredited,
    underCredited,
    rows,
    recomputedTop: recomputed.top,
    ...(ties.length ? { notes: `differences explained by ties: ${ties.join(', ')}` } : {}),
  };
}
