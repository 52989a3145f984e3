export interface ShareRow {
  contributionId: string;
  posted: number;
  recomputed: number | null;
  deviation: number | null;
}

/**
 * Lines up the posted top-K with the replay's recomputed top-K by contribution (a contribution may be
 * in one list only: that is exactly the over/under-crediting an auditor looks for).
 */
export function compareShares(
  posted: { contribution: { id: string }; weightPpm: number }[],
  recomputed: unknown,
): ShareRow[] {
  const rec = new Map<string, number>();
  if (Array.isArray(recomputed)) {
    for (const r of recomputed) {
      if (r && typeof r === 'object' && 'contributionId' in r) {
        const w = Number((r as { weightPpm?: unknown }).weightPpm);
        rec.set(String((r as { contributionId: unknown }).contributionId), Number.isFinite(w) ? w : 0);
      }
    }
  }
  const haveReplay = Array.isArray(recomputed);
  const rows = new Map<string, ShareRow>();
  for (const p of posted) {
    const r = haveReplay ? (rec.get(p.contribution.id) ?? 0) : null;
    rows.set(p.contribution.id, {
      contributionId: p.contribution.id,
      posted: p.weightPpm,
      recomputed: r,
      deviation: r === null ? null : Math.abs(p.weightPpm - r),
    });
  }
  for (const [id, w] of rec)
    if (!rows.has(id)) rows.set(id, { contributionId: id, posted: 0, recomputed: w, deviation: w });
  return [...rows.values()].sort(
    (a, b) => Math.max(b.posted, b.recomputed ?? 0) - Math.max(a.posted, a.recomputed ?? 0),
  );
}
