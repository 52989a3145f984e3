import { scaleUtc } from 'd3-scale';

export interface Bin {
  /** start of the period (UTC) */
  date: Date;
  value: number;
}

/**
 * Ticks for a time axis of any span (hours to years): d3's UTC ticks at a granularity that fits `count`, labelled
 * by d3's multi-scale format (hours within a day, days within a month, months, years), with repeats dropped so a
 * label never appears twice in a row.
 */
export function timeTicks(domain: [Date, Date], count: number): { date: Date; label: string }[] {
  const x = scaleUtc().domain(domain);
  const fmt = x.tickFormat(count);
  const out: { date: Date; label: string }[] = [];
  for (const d of x.ticks(count)) {
    const label = fmt(d);
    if (out.at(-1)?.label !== label) out.push({ date: d, label });
  }
  return out;
}

/**
 * The x domain of per-period bars: from the first period's start to the end of the last one, so each bar has
 * its own slot; a single period still spans one period.
 */
export function barDomain(bins: Bin[], periodMs: number): [Date, Date] {
  if (bins.length === 0) {
    const now = Date.now();
    return [new Date(now - periodMs), new Date(now)];
  }
  const first = Math.min(...bins.map((b) => b.date.getTime()));
  const last = Math.max(...bins.map((b) => b.date.getTime()));
  return [new Date(first), new Date(last + periodMs)];
}

/** Whether the period starting at `start` has not ended yet at `now` (its bar is partial). */
export const isPartial = (start: Date, periodMs: number, now: number): boolean =>
  start.getTime() + periodMs > now;
