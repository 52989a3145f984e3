import type { Verdict } from './verdict.js';

/**
 * The human-readable verdict of `verify`: a headline, the reason, and the evidence table (posted vs
 * recomputed ppm per contribution, deviations flagged). Chain strings are printed through `safe` so that
 * control and bidirectional characters from a hostile method name never reach the terminal.
 */
export function formatVerdict(v: Verdict): string {
  const lines: string[] = [];
  lines.push(`attribution ${safe(v.attributionId)}  method ${safe(v.method)}  device ${safe(v.device)}`);
  lines.push(
    `verdict: ${v.verdict}${v.maxDeviationPpm !== undefined ? `  (largest deviation ${v.maxDeviationPpm} ppm)` : ''}`,
  );
  if (v.reason) lines.push(`reason: ${safe(v.reason)}`);
  if (v.artifact)
    lines.push(`artifact: ${safe(v.artifact.role)} ${safe(v.artifact.hash)} (${v.artifact.problem})`);
  if (v.overCredited?.length) lines.push(`over-credited: ${v.overCredited.map(safe).join(', ')}`);
  if (v.underCredited?.length) lines.push(`under-credited: ${v.underCredited.map(safe).join(', ')}`);
  if (v.evidenceHash) lines.push(`evidence: ${v.evidenceHash}`);
  if (v.disputeTxHash) lines.push(`dispute tx: ${v.disputeTxHash}`);
  if (v.rows?.length) {
    const header = ['contribution', 'posted ppm', 'recomputed ppm', 'deviation ppm', 'flag'];
    const body = v.rows.map((r) => [
      safe(r.contributionId),
      fmt(r.postedPpm),
      fmt(r.recomputedPpm),
      String(r.deviationPpm),
      r.flag,
    ]);
    const widths = header.map((h, i) => Math.max(h.length, ...body.map((b) => b[i].length)));
    const row = (cells: string[]) =>
      cells
        .map((c, i) => (i === 0 || i === 4 ? c.padEnd(widths[i]) : c.padStart(widths[i])))
        .join('  ')
        .trimEnd();
    lines.push('', row(header), widths.map((w) => '-'.repeat(w)).join('  '), ...body.map(row));
  }
  return lines.join('\n');
}

function fmt(n: number | null): string {
  return n === null ? '-' : String(n);
}

/** Strips control, zero-width and bidirectional-override characters from chain text. */
export function safe(s: string): string {
  return s.replace(/[\p{Cc}\p{Cf}]/gu, '\ufffd');
}

/** The verdict as JSON for `verify --json` (bigints none; dates ISO). */
export function verdictJson(v: Verdict): string {
  return JSON.stringify({ ...v, replayedAt: v.replayedAt.toISOString() }, null, 2);
}
