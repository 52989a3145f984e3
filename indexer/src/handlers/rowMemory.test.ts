import { describe, expect, it } from 'vitest';
import { Account, AttributionShare } from '../model/generated/index.js';
import { RowMemory } from './rowMemory.js';

const account = (id: string) => new Account({ id });
const share = (id: string) => new AttributionShare({ id });

describe('RowMemory', () => {
  it('keeps rows only for a batch that starts where the last completed one ended', () => {
    const m = new RowMemory();
    m.begin(1);
    m.keep(Account, [account('a')]);
    m.end(5, { height: 4, digest: '0x04' });
    m.begin(6);
    expect(m.of(Account).has('a')).toBe(true);
    expect(m.digest()).toEqual({ height: 4, digest: '0x04' });
    // a batch that never reached end() (it threw) leaves nothing trusted, even at the expected height
    m.begin(6);
    expect(m.of(Account).size).toBe(0);
    expect(m.digest()).toBeUndefined();
    m.keep(Account, [account('b')]);
    m.end(9, { height: 9, digest: '0x09' });
    m.begin(7); // a rollback or a retry starts lower
    expect(m.of(Account).size).toBe(0);
    expect(m.digest()).toBeUndefined();
  });

  it('forgets the least recently used rows beyond its cap, and share sets by their share count', () => {
    const m = new RowMemory(3);
    m.keep(Account, ['a', 'b', 'c'].map(account));
    m.keep(Account, [account('a'), account('d')]); // a used again: b goes first
    expect([...m.of(Account).keys()]).toEqual(['c', 'a', 'd']);
    m.keepShareSet(
      '1',
      new Map([
        ['1-1', share('1-1')],
        ['1-2', share('1-2')],
      ]),
    );
    m.keepShareSet('2', new Map([['2-1', share('2-1')]]));
    expect(m.shareSet('1')?.size).toBe(2);
    m.addShares('2', [share('2-2')]); // four shares: set 1 (the oldest) is forgotten
    expect(m.shareSet('1')).toBeUndefined();
    expect([...(m.shareSet('2')?.keys() ?? [])]).toEqual(['2-1', '2-2']);
    m.addShares('9', [share('9-1')]); // a set not remembered stays unknown
    expect(m.shareSet('9')).toBeUndefined();
  });
});
