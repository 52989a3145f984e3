import dagre from '@dagrejs/dagre';
import type { LEdge, LGraph } from './types.js';

export interface Placed {
  id: string;
  x: number;
  y: number;
  w: number;
  h: number;
}
export interface Routed {
  edge: LEdge;
  points: { x: number; y: number }[];
}
export interface Layout {
  nodes: Map<string, Placed>;
  edges: Routed[];
  width: number;
  height: number;
}

export const NODE_W = 168;
export const NODE_H = 38;

/**
 * Layered left-to-right layout: sources (contributors, datanets) on the left, consumers (inferences,
 * rewards) on the right. Dagre (best crossing reduction) up to `dagreLimit` nodes — its cost grows
 * superlinearly with long edges (200 nodes can take seconds) — and above it a near-linear layering
 * (longest path + alternating barycentre sweeps) so a 2,000-node graph still draws well under a second.
 */
export function layoutGraph(g: LGraph, dagreLimit = 120): Layout {
  return g.nodes.length <= dagreLimit ? dagreLayout(g) : fastLayout(g);
}

function dagreLayout(g: LGraph): Layout {
  const d = new dagre.graphlib.Graph({ multigraph: false });
  d.setGraph({ rankdir: 'LR', nodesep: 14, ranksep: 70, marginx: 20, marginy: 20 });
  d.setDefaultEdgeLabel(() => ({}));
  for (const n of g.nodes) d.setNode(n.id, { width: NODE_W, height: NODE_H });
  for (const e of g.edges) if (e.source !== e.target) d.setEdge(e.source, e.target);
  dagre.layout(d);
  const nodes = new Map<string, Placed>();
  for (const n of g.nodes) {
    const p = d.node(n.id);
    nodes.set(n.id, { id: n.id, x: p.x, y: p.y, w: NODE_W, h: NODE_H });
  }
  const edges = g.edges
    .filter((e) => e.source !== e.target)
    .map((e) => ({
      edge: e,
      points: (d.edge(e.source, e.target)?.points ?? []).map((p) => ({ x: p.x, y: p.y })),
    }));
  const gg = d.graph();
  return { nodes, edges, width: gg.width ?? 0, height: gg.height ?? 0 };
}

function fastLayout(g: LGraph): Layout {
  const ids = g.nodes.map((n) => n.id);
  const index = new Map(ids.map((id, i) => [id, i]));
  const outs: number[][] = ids.map(() => []);
  const ins: number[][] = ids.map(() => []);
  for (const e of g.edges) {
    const s = index.get(e.source);
    const t = index.get(e.target);
    if (s === undefined || t === undefined || s === t) continue;
    outs[s].push(t);
    ins[t].push(s);
  }
  // Longest-path ranks via Kahn's algorithm; nodes on cycles keep the rank they reached.
  const rank = new Array<number>(ids.length).fill(0);
  const indeg = ins.map((a) => a.length);
  const queue = ids.map((_, i) => i).filter((i) => indeg[i] === 0);
  for (let qi = 0; qi < queue.length; qi++) {
    const n = queue[qi];
    for (const m of outs[n]) {
      rank[m] = Math.max(rank[m], rank[n] + 1);
      if (--indeg[m] === 0) queue.push(m);
    }
  }
  const layers: number[][] = [];
  for (let i = 0; i < ids.length; i++) {
    layers[rank[i]] ??= [];
    layers[rank[i]].push(i);
  }
  const pos = new Array<number>(ids.length).fill(0);
  const renumber = (l: number[]) => {
    for (let j = 0; j < l.length; j++) pos[l[j]] = j;
  };
  for (const l of layers) if (l) renumber(l);
  const sweep = (r: number, adj: number[][]) => {
    const l = layers[r];
    if (!l) return;
    const bary = new Map(
      l.map((n) => [n, adj[n].length ? adj[n].reduce((s, m) => s + pos[m], 0) / adj[n].length : pos[n]]),
    );
    l.sort((a, b) => bary.get(a)! - bary.get(b)!);
    renumber(l);
  };
  for (let it = 0; it < 4; it++) {
    for (let r = 1; r < layers.length; r++) sweep(r, ins);
    for (let r = layers.length - 2; r >= 0; r--) sweep(r, outs);
  }
  const colW = NODE_W + 70;
  const rowH = NODE_H + 14;
  const tallest = Math.max(...layers.map((l) => l?.length ?? 0));
  const nodes = new Map<string, Placed>();
  layers.forEach((l, r) => {
    if (!l) return;
    const offset = ((tallest - l.length) * rowH) / 2;
    l.forEach((n, j) => {
      nodes.set(ids[n], {
        id: ids[n],
        x: 20 + NODE_W / 2 + r * colW,
        y: 20 + NODE_H / 2 + offset + j * rowH,
        w: NODE_W,
        h: NODE_H,
      });
    });
  });
  const edges = g.edges
    .filter((e) => e.source !== e.target && nodes.has(e.source) && nodes.has(e.target))
    .map((e) => {
      const a = nodes.get(e.source)!;
      const b = nodes.get(e.target)!;
      return {
        edge: e,
        points: [
          { x: a.x + NODE_W / 2, y: a.y },
          { x: b.x - NODE_W / 2, y: b.y },
        ],
      };
    });
  return { nodes, edges, width: 40 + layers.length * colW, height: 40 + tallest * rowH };
}
