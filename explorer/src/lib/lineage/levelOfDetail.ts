import { styleOf } from './kinds.js';
import { type Layout, NODE_H, NODE_W } from './layout.js';
import type { LNode } from './types.js';

/** Graphs above this many nodes are drawn with a level of detail; smaller ones keep every node an element. */
export const LOD_MIN = 600;

/** The part of the graph on screen, in layout coordinates. */
export interface ViewBox {
  x: number;
  y: number;
  w: number;
  h: number;
}

/**
 * The nodes to draw as elements (labels, focus, tooltips): those on screen, one node of margin around it,
 * plus the ones `keep` names (root, selection) wherever they are. The rest are boxes of `overviewPaths`.
 */
export function visibleNodes(
  nodes: LNode[],
  layout: Layout,
  view: ViewBox,
  keep: (n: LNode) => boolean,
): LNode[] {
  const x0 = view.x - NODE_W;
  const y0 = view.y - NODE_H;
  const x1 = view.x + view.w + NODE_W;
  const y1 = view.y + view.h + NODE_H;
  return nodes.filter((n) => {
    const p = layout.nodes.get(n.id);
    return keep(n) || (p !== undefined && p.x >= x0 && p.x <= x1 && p.y >= y0 && p.y <= y1);
  });
}

/** Every node as a box, one SVG path per (kind colour, dimmed): a few elements however large the graph. */
export function overviewPaths(nodes: LNode[], layout: Layout, dimmed: (n: LNode) => boolean) {
  const m = new Map<string, { key: string; color: string; dim: boolean; d: string[] }>();
  for (const n of nodes) {
    const p = layout.nodes.get(n.id);
    if (!p) continue;
    const color = styleOf(n.kind).color;
    const dim = dimmed(n);
    const key = `${color}|${dim}`;
    if (!m.has(key)) m.set(key, { key, color, dim, d: [] });
    m.get(key)?.d.push(`M${p.x - NODE_W / 2},${p.y - NODE_H / 2}h${NODE_W}v${NODE_H}h${-NODE_W}z`);
  }
  return [...m.values()].map((b) => ({ ...b, d: b.d.join('') }));
}

/** The node whose box contains a point in layout coordinates (overview boxes are not elements to click). */
export function nodeAtPoint(nodes: LNode[], layout: Layout, x: number, y: number): LNode | null {
  for (const n of nodes) {
    const p = layout.nodes.get(n.id);
    if (p && Math.abs(p.x - x) <= NODE_W / 2 && Math.abs(p.y - y) <= NODE_H / 2) return n;
  }
  return null;
}
