import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { barDomain, isPartial, timeTicks } from './timeAxis.js';

const DAY = 86_400_000;

describe('time axis', () => {
  it('labels any span from an hour to ten years without a label repeated in a row', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1_600_000_000_000, max: 1_900_000_000_000 }),
        fc.integer({ min: 3_600_000, max: 3650 * DAY }),
        fc.integer({ min: 2, max: 10 }),
        (start, span, count) => {
          const ticks = timeTicks([new Date(start), new Date(start + span)], count);
          expect(ticks.length).toBeGreaterThan(0);
          for (let i = 1; i < ticks.length; i++) expect(ticks[i].label).not.toBe(ticks[i - 1].label);
          for (const t of ticks) {
            expect(t.date.getTime()).toBeGreaterThanOrEqual(start);
            expect(t.date.getTime()).toBeLessThanOrEqual(start + span);
          }
        },
      ),
    );
  });
  it('reads hours within a day and days within a month', () => {
    const d = Date.UTC(2026, 11, 3);
    const hours = timeTicks([new Date(d), new Date(d + DAY / 2)], 4).map((t) => t.label);
    expect(new Set(hours).size).toBe(hours.length);
    expect(hours.some((l) => /AM|PM|\d\d:\d\d/.test(l))).toBe(true);
    const days = timeTicks([new Date(d), new Date(d + 10 * DAY)], 5).map((t) => t.label);
    expect(days.some((l) => /Dec|\d/.test(l))).toBe(true);
  });
  it('gives each bar its slot and marks the current period partial', () => {
    const d = new Date(Date.UTC(2026, 0, 5));
    expect(barDomain([{ date: d, value: 1 }], DAY)).toEqual([d, new Date(d.getTime() + DAY)]);
    expect(isPartial(d, DAY, d.getTime() + DAY / 2)).toBe(true);
    expect(isPartial(d, DAY, d.getTime() + DAY)).toBe(false);
  });
});
