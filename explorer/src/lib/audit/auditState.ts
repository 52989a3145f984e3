/** The API's AuditState values (api/src/audit/auditTypeDefs.ts), with the words the explorer shows for them. */
export const AUDIT_STATE_LABELS: Record<string, string> = {
  AWAITING_REPLAY: 'awaiting replay',
  VERIFIED: 'verified',
  DISPUTABLE: 'disputable',
  DISPUTED: 'under dispute',
  UPHELD: 'upheld: poster slashed, nobody paid',
  UNDISPUTED_CLOSED: 'window closed undisputed: will be paid unverified',
  SETTLED: 'settled (verified)',
  SETTLED_UNVERIFIED: 'settled unverified',
};

/** Badge tone of a state: danger when money went (or will go) where it should not. */
export function auditStateTone(state: string | null | undefined): 'ok' | 'warn' | 'danger' | '' {
  switch (state) {
    case 'VERIFIED':
    case 'SETTLED':
      return 'ok';
    case 'UPHELD':
    case 'DISPUTABLE':
    case 'DISPUTED':
    case 'AWAITING_REPLAY':
      return 'warn';
    case 'UNDISPUTED_CLOSED':
    case 'SETTLED_UNVERIFIED':
      return 'danger';
    default:
      return '';
  }
}

/** A span of seconds in the largest two units ("45 min", "1 h 5 min", "12 s"). */
export function formatSpan(totalSeconds: number): string {
  const s = Math.max(0, Math.round(totalSeconds));
  const units: [number, string][] = [
    [86_400, 'd'],
    [3_600, 'h'],
    [60, 'min'],
    [1, 's'],
  ];
  const parts: string[] = [];
  let rest = s;
  for (const [n, name] of units) {
    if (rest >= n && parts.length < 2) {
      parts.push(`${Math.floor(rest / n)} ${name}`);
      rest %= n;
    } else if (parts.length > 0) break;
  }
  return parts.length ? parts.join(' ') : '0 s';
}

export interface Challenge {
  secondsLeft: number | null;
  open: boolean | null;
}

/**
 * The challenge window in words, on the chain clock ("disputable for 45 min more", "window closed 5 min
 * ago"); nothing left to count once the attribution is final (upheld or settled).
 */
export function windowText(c: Challenge | null | undefined, state?: string | null): string {
  if (state === 'UPHELD' || state === 'SETTLED' || state === 'SETTLED_UNVERIFIED')
    return 'final: no window left';
  if (!c || c.secondsLeft === null || c.secondsLeft === undefined) return 'window: chain clock unknown';
  if (c.secondsLeft > 0) {
    const verb = state === 'DISPUTABLE' ? 'disputable' : 'open';
    return `${verb} for ${formatSpan(c.secondsLeft)} more (chain clock)`;
  }
  return `window closed ${formatSpan(-c.secondsLeft)} ago (chain clock)`;
}
