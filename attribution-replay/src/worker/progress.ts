import { RateMeter } from '@ae/core';

/**
 * Counts verdicts and prints a progress line (jobs/s over the last interval, backlog) at a fixed cadence; the
 * rate is core's RateMeter, as for the indexer's progress.
 */
export class Progress {
  readonly counts = { VERIFIED: 0, MISMATCH: 0, UNVERIFIABLE: 0, failed: 0, disputes: 0 };
  private readonly meter = new RateMeter(['jobs'] as const);
  private lastDone = 0;

  get done(): number {
    return this.counts.VERIFIED + this.counts.MISMATCH + this.counts.UNVERIFIABLE;
  }

  line(backlog: number | undefined): string {
    this.meter.add({ jobs: this.done - this.lastDone });
    this.lastDone = this.done;
    const rate = this.meter.take().perSecond.jobs;
    const c = this.counts;
    return (
      `replay: ${this.done} done (${c.VERIFIED} verified, ${c.MISMATCH} mismatch, ${c.UNVERIFIABLE} unverifiable, ` +
      `${c.disputes} disputed, ${c.failed} failed attempts), ${rate.toFixed(1)} jobs/s, backlog ${backlog ?? '?'}`
    );
  }
}
