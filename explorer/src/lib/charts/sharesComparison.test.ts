import { describe, expect, it } from 'vitest';
import { compareShares } from './sharesComparison.js';

describe('compareShares', () => {
  it('aligns posted and recomputed weights, including one-sided entries', () => {
    const rows = compareShares(
      [
        { contribution: { id: '1' }, weightPpm: 600000 },
        { contribution: { id: '2' }, weightPpm: 400000 },
      ],
      [
        { contributionId: '1', weightPpm: 500000 },
        { contributionId: '3', weightPpm: 500000 },
      ],
    );
    expect(rows.map((r) => r.contributionId)).toEqual(['1', '3', '2']);
    expect(rows.find((r) => r.contributionId === '2')).toEqual({
      contributionId: '2',
      posted: 400000,
      recomputed: 0,
      deviation: 400000,
    });
    expect(rows.find((r) => r.contributionId === '3')?.posted).toBe(0);
  });
  it('leaves recomputed empty when there is no replay', () => {
    expect(compareShares([{ contribution: { id: '1' }, weightPpm: 1 }], null)[0].recomputed).toBeNull();
  });
});
