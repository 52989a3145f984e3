import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { layoutGraph, NODE_H, NODE_W } from './layout.js';
import { nodeAtPoint, overviewPaths, visibleNodes } from './levelOfDetail.js';
import type { LGraph } from './types.js';

const chain = (n: number): LGraph => ({
  nodes: Array.from({ length: n }, (_, i) => ({
    id: `model:${i}`,
    kind: i % 2 ? 'model' : 'datanet',
    label: null,
  })),
  edges: Array.from({ length: n - 1 }, (_, i) => ({
    source: `model:${i}`,
    target: `model:${i + 1}`,
    kind: 'x',
  })),
});

describe('level of detail', () => {
  it('finds the node under any point inside its box, and none between boxes', () => {
    const g = chain(900);
    const layout = layoutGraph(g);
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 899 }),
        fc.double({ min: -0.49, max: 0.49, noNaN: true }),
        fc.double({ min: -0.49, max: 0.49, noNaN: true }),
        (i, dx, dy) => {
          const p = layout.nodes.get(`model:${i}`)!;
          expect(nodeAtPoint(g.nodes, layout, p.x + dx * NODE_W, p.y + dy * NODE_H)?.id).toBe(`model:${i}`);
        },
      ),
    );
    const first = layout.nodes.get('model:0')!;
    expect(nodeAtPoint(g.nodes, layout, first.x - NODE_W, first.y)).toBeNull();
  });

  it('draws as elements only the nodes on screen, plus the kept ones', () => {
    const g = chain(900);
    const layout = layoutGraph(g);
    const p = layout.nodes.get('model:450')!;
    const view = { x: p.x - 10, y: p.y - 10, w: 20, h: 20 };
    const drawn = visibleNodes(g.nodes, layout, view, (n) => n.id === 'model:0');
    expect(drawn.map((n) => n.id)).toContain('model:450');
    expect(drawn.map((n) => n.id)).toContain('model:0');
    expect(drawn.length).toBeLessThan(10);
  });

  it('puts every node in one path per colour and dimming', () => {
    const g = chain(900);
    const layout = layoutGraph(g);
    const paths = overviewPaths(g.nodes, layout, (n) => n.id === 'model:3');
    expect(paths).toHaveLength(3);
    expect(paths.reduce((s, p) => s + (p.d.match(/M/g)?.length ?? 0), 0)).toBe(900);
    expect(paths.filter((p) => p.dim).map((p) => p.d.match(/M/g)?.length)).toEqual([1]);
  });
});
