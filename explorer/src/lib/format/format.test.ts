import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  chainAheadMs,
  formatFixed18,
  formatInfluence,
  formatOpen,
  formatShare,
  formatTime,
  shorten,
  toBigInt,
  toDate,
} from './format.js';

describe('format', () => {
  it('formats shares (accuracies) as percentages, anything else as a dash', () => {
    expect(formatShare(0.905)).toBe('90.5 %');
    expect(formatShare(1)).toBe('100.0 %');
    for (const bad of [null, undefined, '0.9', Number.NaN, {}]) expect(formatShare(bad)).toBe('—');
  });

  it('formats wei exactly', () => {
    expect(formatOpen('1500000000000000000')).toBe('1.5 OPEN');
    expect(formatOpen('1234567000000000000000000')).toBe('1,234,567 OPEN');
    expect(formatOpen('1')).toBe('0 OPEN');
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 10n ** 30n }), (v) => {
        const s = formatOpen(v.toString(), 18).replace(' OPEN', '').replace(/,/g, '');
        const [w, f = ''] = s.split('.');
        expect(BigInt(w) * 10n ** 18n + BigInt(f.padEnd(18, '0'))).toBe(v);
      }),
    );
  });
  it('shortens long values only', () => {
    expect(shorten('0x1234567890abcdef1234567890abcdef12345678')).toBe('0x1234…5678');
    expect(shorten('42')).toBe('42');
    expect(toBigInt('abc')).toBe(0n);
  });
  it('reads seconds, milliseconds and ISO times', () => {
    expect(toDate(1_700_000_000)?.toISOString()).toBe('2023-11-14T22:13:20.000Z');
    expect(toDate('1700000000000')?.toISOString()).toBe('2023-11-14T22:13:20.000Z');
    expect(formatTime('2023-11-14T22:13:20Z', 'utc')).toBe('2023-11-14 22:13:20 UTC');
    expect(formatTime(1_700_000_000, 'relative', 1_700_000_000_000 + 90_000)).toBe('1 min ago');
    expect(formatTime(null, 'utc')).toBe('—');
  });
});

describe('relative times on a chain whose clock runs ahead', () => {
  it('count from the chain’s now, so a block just mined is never "in 1 d"', () => {
    const now = Date.UTC(2026, 10, 23);
    const block = new Date(now + 86_400_000);
    expect(formatTime(block, 'relative', now)).toBe('in 1 d');
    const ahead = chainAheadMs(0, block.toISOString(), now);
    expect(ahead).toBe(86_400_000);
    expect(formatTime(block, 'relative', now + ahead)).toBe('just now');
    expect(chainAheadMs(ahead, 'not a date', now)).toBe(ahead);
    expect(chainAheadMs(ahead, new Date(0).toISOString(), now)).toBe(ahead);
    expect(chainAheadMs(0, new Date(now - 5_000).toISOString(), now)).toBe(0);
  });
});

describe('units (issue #14)', () => {
  it('shows influence in whole attributions, never as a percentage', () => {
    expect(formatInfluence('227115200')).toBe('227.11 attr.');
    expect(formatInfluence(887_920)).toBe('0.88 attr.');
    expect(formatInfluence('0')).toBe('0.00 attr.');
    expect(formatInfluence('1000000')).not.toContain('%');
  });

  it('prints 1e18 fixed-point values exactly (the shortest decimal that parses back)', () => {
    expect(formatFixed18('14700000000000000')).toBe('0.0147');
    expect(formatFixed18(10n ** 18n)).toBe('1');
    expect(formatFixed18('-1500000000000000000')).toBe('-1.5');
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 30n), max: 10n ** 30n }), (v) => {
        const [w, f = ''] = formatFixed18(v).replace('-', '').split('.');
        const back = BigInt(w) * 10n ** 18n + BigInt(f.padEnd(18, '0') || '0');
        expect(v < 0n ? -back : back).toBe(v);
        expect(f.endsWith('0')).toBe(false);
      }),
    );
  });
});
