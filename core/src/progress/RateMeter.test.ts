import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatEta, RateMeter } from './RateMeter.js';

describe('RateMeter', () => {
  it('reports each window’s counts over its own length, then starts again from zero', () => {
    let t = 0;
    const m = new RateMeter(['blocks', 'events'] as const, () => t);
    m.add({ blocks: 3, events: 30 });
    t = 2000;
    m.add({ events: 10 });
    expect(m.take()).toEqual({
      seconds: 2,
      perSecond: { blocks: 1.5, events: 20 },
      counts: { blocks: 3, events: 40 },
    });
    t = 2500;
    expect(m.take().counts).toEqual({ blocks: 0, events: 0 });
  });

  it('rate × seconds gives back the count, whatever was added', () => {
    fc.assert(
      fc.property(fc.array(fc.nat(1e6)), fc.integer({ min: 1, max: 1e7 }), (adds, ms) => {
        let t = 0;
        const m = new RateMeter(['n'] as const, () => t);
        for (const n of adds) m.add({ n });
        t = ms;
        const r = m.take();
        expect(r.perSecond.n * r.seconds).toBeCloseTo(
          adds.reduce((a, b) => a + b, 0),
          3,
        );
      }),
    );
  });
});

describe('formatEta', () => {
  it.each([
    [0, '0s'],
    [44.2, '45s'],
    [200, '3m20s'],
    [7500, '2h05m'],
    [Number.POSITIVE_INFINITY, 'unknown'],
  ])('%s s reads %s', (s, text) => expect(formatEta(s)).toBe(text));
});
