import { describe, expect, it } from 'vitest';
import { groupHits, searchTarget } from './searchTarget.js';

describe('searchTarget', () => {
  it('goes straight to a single or exact hit, else to the list', () => {
    expect(searchTarget('iris', [{ kind: 'datanet', id: '1', label: 'Iris' }])).toBe('/datanet/1');
    expect(searchTarget('0xab', [{ kind: 'ACCOUNT', id: '0xab', label: '0xab' }])).toBe('/account/0xab');
    expect(searchTarget('0xtx', [{ kind: 'TRANSACTION', id: '0xtx', label: 'tx' }])).toBe('/search?q=0xtx');
    expect(
      searchTarget('3', [
        { kind: 'model', id: '3', label: 'm' },
        { kind: 'datanet', id: '30', label: 'x' },
      ]),
    ).toBe('/model/3');
    expect(
      searchTarget('ir', [
        { kind: 'datanet', id: '1', label: 'iris' },
        { kind: 'datanet', id: '2', label: 'iris2' },
      ]),
    ).toBe('/search?q=ir');
  });
  it('groups by kind in a stable order', () => {
    const g = groupHits([
      { kind: 'account', id: '0x1', label: null },
      { kind: 'datanet', id: '1', label: 'a' },
      { kind: 'account', id: '0x2', label: null },
    ]);
    expect(g.map((x) => x.kind)).toEqual(['datanet', 'account']);
    expect(g[1].hits).toHaveLength(2);
  });
});
