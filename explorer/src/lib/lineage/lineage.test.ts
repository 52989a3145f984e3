import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { collapseFanouts, isMore } from './collapse.js';
import { directedPath, mergeGraphs, pathsThrough, shortestPath } from './graphOps.js';
import { layoutGraph } from './layout.js';
import { withRewardGroups } from './rewardGroups.js';
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
    const id = fc.stringMatching(/^[a-z]{1,8}:[0-9a-fx:-]{1,10}$/);
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
          collapsed: fc.uniqueArray(id, { maxLength: 3 }),
        }),
        (s) => {
          const p = writeViewState(new URLSearchParams('other=1'), s as ViewState);
          expect(parseViewState(new URLSearchParams(p.toString()))).toEqual(s);
          expect(p.get('other')).toBe('1');
          // encoded once by URLSearchParams, never twice (exp=contribution%253A12)
          expect(p.toString()).not.toMatch(/%25/);
        },
      ),
    );
  });
  it('still reads links whose ids were encoded twice', () => {
    expect(parseViewState(new URLSearchParams('exp=contribution%253A12')).expanded).toEqual([
      'contribution:12',
    ]);
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

describe('where did my data go', () => {
  // a contribution credited in 50 inferences, in a datanet that trained two models
  const g: LGraph = {
    nodes: [
      { id: 'contribution:1', kind: 'CONTRIBUTION', label: 'c' },
      { id: 'datanet:1', kind: 'DATANET', label: 'd' },
      { id: 'model:1', kind: 'MODEL', label: 'm1' },
      { id: 'model:2', kind: 'MODEL', label: 'm2' },
      ...Array.from({ length: 50 }, (_, i) => ({
        id: `inference:${i}`,
        kind: 'INFERENCE',
        label: null,
        data: { fee: '100' },
      })),
    ],
    edges: [
      { source: 'contribution:1', target: 'datanet:1', kind: 'INCLUDED_IN' },
      { source: 'datanet:1', target: 'model:1', kind: 'TRAINED' },
      { source: 'datanet:1', target: 'model:2', kind: 'TRAINED' },
      ...Array.from({ length: 50 }, (_, i) => ({
        source: 'contribution:1',
        target: `inference:${i}`,
        kind: 'CREDITED',
        weight: 1000 + i,
        amount: '7',
      })),
      ...Array.from({ length: 50 }, (_, i) => ({
        source: `model:${1 + (i % 2)}`,
        target: `inference:${i}`,
        kind: 'SERVED',
      })),
    ],
  };
  it('never folds the datanet or the models behind credit edges', () => {
    const c = collapseFanouts(g, 'contribution:1', 8, new Set(), new Set());
    for (const id of ['datanet:1', 'model:1', 'model:2']) expect(c.nodes.map((n) => n.id)).toContain(id);
    expect(c.nodes.find(isMore)?.data.hidden.every((n) => n.kind === 'INFERENCE')).toBe(true);
  });
  it('collapses one node on request', () => {
    const c = collapseFanouts(g, 'contribution:1', 8, new Set(), new Set(), new Set(['datanet:1']));
    expect(c.nodes.map((n) => n.id)).not.toContain('model:1');
    expect(c.nodes.some((n) => n.id === 'more:datanet:1')).toBe(true);
  });
  it('highlights the path the data took, along the arrows', () => {
    const p = directedPath(g, 'contribution:1', 'model:2');
    expect([...p]).toEqual(['datanet:1\u2192model:2', 'contribution:1\u2192datanet:1']);
    expect([...directedPath(g, 'model:2', 'contribution:1')]).toHaveLength(2);
  });
  it('groups rewards per role and per inference until expanded', () => {
    const r = withRewardGroups(g, new Set());
    const group = r.nodes.find((n) => n.id === 'rewards:contribution:1');
    expect(group?.data).toMatchObject({ role: 'CONTRIBUTOR', inferences: 50, amount: '350' });
    expect(r.nodes.filter((n) => n.kind === 'rewardGroup')).toHaveLength(51);
    expect(
      withRewardGroups(g, new Set(['rewards:contribution:1'])).nodes.some(
        (n) => n.id === 'rewards:contribution:1',
      ),
    ).toBe(false);
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
