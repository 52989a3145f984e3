import { describe, expect, it } from 'vitest';
import { formatVerdict, safe, verdictJson } from './formatVerdict.js';
import { exitCodeOf, type Verdict } from './verdict.js';

const mismatch: Verdict = {
  attributionId: '7',
  method: 'knn-shapley@1',
  verdict: 'MISMATCH',
  maxDeviationPpm: 250_000,
  overCredited: ['12'],
  underCredited: ['3'],
  rows: [
    { contributionId: '3', postedPpm: 250_000, recomputedPpm: 500_000, deviationPpm: 250_000, flag: 'under' },
    { contributionId: '12', postedPpm: 250_000, recomputedPpm: null, deviationPpm: 250_000, flag: 'over' },
  ],
  device: 'cpu',
  replayedAt: new Date('2026-01-01T00:00:00Z'),
};

describe('verdict output', () => {
  it('prints the headline and an aligned evidence table', () => {
    const text = formatVerdict(mismatch);
    expect(text).toContain('verdict: MISMATCH  (largest deviation 250000 ppm)');
    expect(text).toContain('over-credited: 12');
    const lines = text.split('\n');
    const header = lines.findIndex((l) => l.startsWith('contribution'));
    expect(lines[header + 2]).toMatch(/^3\s+250000\s+500000\s+250000\s+under$/);
    expect(lines[header + 3]).toMatch(/^12\s+250000\s+-\s+250000\s+over$/);
  });

  it('neutralizes control and bidi characters from chain strings', () => {
    expect(safe('knn\u202e@1\u0007\u200b')).toBe('knn\ufffd@1\ufffd\ufffd');
    expect(formatVerdict({ ...mismatch, method: 'x\u001b[31my' })).not.toContain('\u001b');
  });

  it('maps verdicts to exit codes and JSON', () => {
    expect([exitCodeOf('VERIFIED'), exitCodeOf('MISMATCH'), exitCodeOf('UNVERIFIABLE')]).toEqual([0, 1, 2]);
    expect(JSON.parse(verdictJson(mismatch))).toMatchObject({
      verdict: 'MISMATCH',
      replayedAt: '2026-01-01T00:00:00.000Z',
    });
  });
});
