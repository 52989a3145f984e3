import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foldFlows, SLASHED_STAKE, totalOut, withoutSlashedStake } from './fold.js';

const flows = (users: number) => ({
  nodes: [
    ...Array.from({ length: users }, (_, i) => ({ id: `user:${i}`, label: null, stage: 'USER' })),
    { id: 'model:1', label: 'm', stage: 'MODEL' },
  ],
  links: Array.from({ length: users }, (_, i) => ({
    source: `user:${i}`,
    target: 'model:1',
    amount: String(BigInt(i + 1) * 10n ** 18n),
  })),
});

describe('foldFlows', () => {
  it('folds the tail into Other and keeps totals exact', () => {
    const f = flows(20);
    const g = foldFlows(f, 5);
    expect(g.nodes.filter((n) => n.stage === 'USER')).toHaveLength(6);
    expect(g.nodes.find((n) => n.id === 'other:USER')?.label).toBe('Other (15)');
    expect(totalOut(g)).toBe(totalOut(f));
    expect(g.nodes.some((n) => n.id === 'user:19')).toBe(true);
  });
  it('preserves the total for any sizes', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 40 }), fc.integer({ min: 1, max: 10 }), (n, top) => {
        const f = flows(n);
        expect(totalOut(foldFlows(f, top))).toBe(totalOut(f));
      }),
    );
  });
});

describe('withoutSlashedStake', () => {
  it('drops the slashed stake and the nodes only it fed, and keeps every fee flow and its total', () => {
    const f = flows(3);
    const g = {
      nodes: [
        ...f.nodes,
        { id: SLASHED_STAKE, label: 'Slashed stakes', stage: 'SOURCE' },
        { id: 'role:PROTOCOL', label: 'p', stage: 'ROLE' },
      ],
      links: [...f.links, { source: SLASHED_STAKE, target: 'role:PROTOCOL', amount: String(10n ** 24n) }],
    };
    const h = withoutSlashedStake(g);
    expect(h.nodes.map((n) => n.id)).toEqual(f.nodes.map((n) => n.id));
    expect(h.links).toEqual(f.links);
    expect(totalOut(h, 'USER')).toBe(totalOut(f, 'USER'));
  });
});
