/**
 * Counts things done over a window of time and reports their rates when the window closes: the one progress
 * arithmetic of every service (the indexer's blocks and events per second, the replay's jobs per second), so
 * that each prints only its own words around the same numbers.
 */
export class RateMeter<K extends string> {
  private counts: Record<K, number>;
  private windowStart: number;

  constructor(
    private readonly names: readonly K[],
    private readonly now: () => number = () => performance.now(),
  ) {
    this.counts = zero(names);
    this.windowStart = this.now();
  }

  /** Adds to the counters of the open window. */
  add(counts: Partial<Record<K, number>>): void {
    for (const k of this.names) this.counts[k] += counts[k] ?? 0;
  }

  /** Seconds since the open window began. */
  elapsedS(): number {
    return (this.now() - this.windowStart) / 1000;
  }

  /** Closes the window: the counts per second over it, and what was counted; a new window begins. */
  take(): { seconds: number; perSecond: Record<K, number>; counts: Record<K, number> } {
    const seconds = Math.max(1e-3, this.elapsedS());
    const counts = this.counts;
    const perSecond = zero(this.names);
    for (const k of this.names) perSecond[k] = counts[k] / seconds;
    this.counts = zero(this.names);
    this.windowStart = this.now();
    return { seconds, perSecond, counts };
  }
}

/** A duration for a progress line: 45s, 3m20s, 2h05m. */
export function formatEta(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 0) return 'unknown';
  if (seconds < 60) return `${Math.ceil(seconds)}s`;
  if (seconds < 3600)
    return `${Math.floor(seconds / 60)}m${String(Math.ceil(seconds % 60)).padStart(2, '0')}s`;
  return `${Math.floor(seconds / 3600)}h${String(Math.floor((seconds % 3600) / 60)).padStart(2, '0')}m`;
}

function zero<K extends string>(names: readonly K[]): Record<K, number> {
  return Object.fromEntries(names.map((k) => [k, 0])) as Record<K, number>;
}
