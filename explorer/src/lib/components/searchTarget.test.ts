import { describe, expect, it } from 'vitest';
import { matchNameTags } from './matchNameTags.js';
import { groupHits, mergeHits, searchTarget } from './searchTarget.js';

describe('searchTarget', () => {
  it('goes straight to the one exact hit or the only hit, else to the list', () => {
    expect(searchTarget('iris', [{ kind: 'datanet', id: '1', label: 'Iris' }])).toBe('/datanet/1');
    expect(searchTarget('0xab', [{ kind: 'ACCOUNT', id: '0xab', label: '0xab', exact: true }])).toBe(
      '/account/0xab',
    );
    expect(searchTarget('0xtx', [{ kind: 'TRANSACTION', id: '0xtx', label: 'tx', exact: true }])).toBe(
      '/tx/0xtx',
    );
    expect(
      searchTarget('12', [
        { kind: 'BLOCK', id: '12', label: 'block 12', exact: true },
        { kind: 'MODEL', id: '120', label: 'm', exact: false },
      ]),
    ).toBe('/block/12');
    expect(
      searchTarget('3', [
        { kind: 'model', id: '3', label: 'm', exact: true },
        { kind: 'datanet', id: '30', label: 'x', exact: false },
      ]),
    ).toBe('/model/3');
    // an id that names several entities (model 3, contribution 3) is a choice for the user
    expect(
      searchTarget('3', [
        { kind: 'model', id: '3', label: 'm', exact: true },
        { kind: 'contribution', id: '3', label: 'c', exact: true },
      ]),
    ).toBe('/search?q=3');
    expect(
      searchTarget('ir', [
        { kind: 'datanet', id: '1', label: 'iris', exact: false },
        { kind: 'datanet', id: '2', label: 'iris2', exact: false },
      ]),
    ).toBe('/search?q=ir');
  });
  it('groups by kind in a stable order and merges duplicates', () => {
    const g = groupHits([
      { kind: 'account', id: '0x1', label: null },
      { kind: 'datanet', id: '1', label: 'a' },
      { kind: 'account', id: '0x2', label: null },
    ]);
    expect(g.map((x) => x.kind)).toEqual(['account', 'datanet']);
    expect(g[0].hits).toHaveLength(2);
    expect(
      mergeHits(
        [{ kind: 'ACCOUNT', id: '0xA', label: 'poster' }],
        [{ kind: 'account', id: '0xa', label: null }],
      ),
    ).toHaveLength(1);
  });
  it('finds name tags by any part of the name', () => {
    const tags = { '0xa': 'attribution poster', '0xb': 'curator 1', '0xc': 'curator 2' };
    expect(matchNameTags(tags, 'Curator').map((h) => h.id)).toEqual(['0xb', '0xc']);
    expect(matchNameTags(tags, 'curator 2')).toEqual([
      { kind: 'ACCOUNT', id: '0xc', label: 'curator 2', exact: true },
    ]);
    expect(matchNameTags(tags, 'p')).toEqual([]);
  });
});
