import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { collapseFanouts, isMore } from './collapse.js';
import { mergeGraphs, pathsThrough, shortestPath } from './graphOps.js';
import { layoutGraph } from './layout.js';
import type { LGraph, ViewState } from './types.js';
import { parseViewState, writeViewState } from './viewState.js';

const star = (n: number): LGraph => ({
  nodes: [
    { id: 'datanet:1', kind: 'datanet', label: 'd' },
    ...Array.from({ length: n }, (_, i) => ({ id: `contribution:${i}`, kind: 'contribution', label: null })),
  ],
  edges: Array.from({ length: n }, (_, i) => ({
    source: `contribution:${i}`,
    target: 'datanet:1',
    kind: 'in',
    weight: i,
  })),
});

describe('lineage view state', () => {
  it('round-trips through the URL', () => {
    const id = fc.stringMatching(/^[a-z]{1,8}:[0-9a-fx,:%]{1,10}$/);
    fc.assert(
      fc.property(
        fc.record({
          direction: fc.constantFrom('UPSTREAM', 'DOWNSTREAM', 'BOTH'),
          depth: fc.integer({ min: 1, max: 8 }),
          selected: fc.option(id, { nil: null }),
          focus: fc.boolean(),
          expanded: fc.uniqueArray(id, { maxLength: 3 }),
          opened: fc.uniqueArray(id, { maxLength: 3 }),
          pinned: fc.uniqueArray(id, { maxLength: 3 }),
        }),
        (s) => {
          const p = writeViewState(new URLSearchParams('other=1'), s as ViewState);
          expect(parseViewState(new URLSearchParams(p.toString()))).toEqual(s);
          expect(p.get('other')).toBe('1');
        },
      ),
    );
  });
  it('falls back to defaults on garbage', () => {
    const s = parseViewState(new URLSearchParams('dir=sideways&depth=99'));
    expect(s.direction).toBe('BOTH');
    expect(s.depth).toBe(3);
  });
});

describe('graph operations', () => {
  const g: LGraph = {
    nodes: ['a', 'b', 'c', 'd', 'e'].map((id) => ({ id, kind: 'x', label: id })),
    edges: [
      { source: 'a', target: 'b', kind: 'k' },
      { source: 'b', target: 'c', kind: 'k' },
      { source: 'd', target: 'c', kind: 'k' },
      { source: 'e', target: 'd', kind: 'k' },
    ],
  };
  it('focus keeps ancestors and descendants only', () => {
    expect([...pathsThrough(g, 'b')].sort()).toEqual(['a', 'b', 'c']);
    expect([...pathsThrough(g, 'd')].sort()).toEqual(['c', 'd', 'e']);
  });
  it('finds the path between two nodes', () => {
    expect([...shortestPath(g, 'a', 'e')]).toHaveLength(4);
    expect(shortestPath(g, 'a', 'a').size).toBe(0);
  });
  it('merges without duplicates and drops dangling edges', () => {
    const m = mergeGraphs(
      g,
      {
        nodes: [{ id: 'f', kind: 'x', label: null }],
        edges: [
          { source: 'e', target: 'f', kind: 'k' },
          { source: 'f', target: 'zz', kind: 'k' },
        ],
        truncated: true,
      },
      g,
    );
    expect(m.nodes).toHaveLength(6);
    expect(m.edges).toHaveLength(5);
    expect(m.truncated).toBe(true);
  });
});

describe('collapse', () => {
  it('folds a large fan-out into a "+N more" node keeping the heaviest', () => {
    const c = collapseFanouts(star(50), 'datanet:1', 8, new Set(), new Set(['contribution:3']));
    const more = c.nodes.find(isMore)!;
    expect(more.label).toBe('+41 more');
    expect(more.data.hidden).toHaveLength(41);
    expect(c.nodes.some((n) => n.id === 'contribution:49')).toBe(true);
    expect(c.nodes.some((n) => n.id === 'contribution:3')).toBe(true);
    expect(c.nodes.some((n) => n.id === 'contribution:10')).toBe(false);
    expect(
      c.edges.every((e) => c.nodes.some((n) => n.id === e.source) && c.nodes.some((n) => n.id === e.target)),
    ).toBe(true);
  });
  it('shows everything for opened parents and small fan-outs', () => {
    expect(collapseFanouts(star(50), 'datanet:1', 8, new Set(['datanet:1']), new Set()).nodes).toHaveLength(
      51,
    );
    expect(collapseFanouts(star(5), 'datanet:1', 8, new Set(), new Set()).nodes).toHaveLength(6);
  });
});

describe('layout', () => {
  it('places sources left of their targets, with either algorithm', () => {
    for (const limit of [1000, 0]) {
      const l = layoutGraph(star(30), limit);
      const d = l.nodes.get('datanet:1')!;
      for (let i = 0; i < 30; i++) expect(l.nodes.get(`contribution:${i}`)!.x).toBeLessThan(d.x);
      expect(l.edges).toHaveLength(30);
    }
  });
});
