/** Counts verdicts and prints a progress line (jobs/s over the last interval, backlog) at a fixed cadence. */
export class Progress {
  readonly counts = { VERIFIED: 0, MISMATCH: 0, UNVERIFIABLE: 0, failed: 0, disputes: 0 };
  private lastDone = 0;
  private lastAt = performance.now();

  get done(): number {
    return this.counts.VERIFIED + this.counts.MISMATCH + this.counts.UNVERIFIABLE;
  }

  line(backlog: number | undefined): string {
    const now = performance.now();
    const rate = ((this.done - this.lastDone) * 1000) / Math.max(1, now - this.lastAt);
    this.lastDone = this.done;
    this.lastAt = now;
    const c = this.counts;
    return (
      `replay: ${this.done} done (${c.VERIFIED} verified, ${c.MISMATCH} mismatch, ${c.UNVERIFIABLE} unverifiable, ` +
      `${c.disputes} disputed, ${c.failed} failed attempts), ${rate.toFixed(1)} jobs/s, backlog ${backlog ?? '?'}`
    );
  }
}
