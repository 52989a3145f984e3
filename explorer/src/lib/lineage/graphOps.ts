import { edgeKey, type LEdge, type LGraph, type LNode } from './types.js';

/** Union of graphs by node id and edge (source, target); later data wins, truncation is sticky. */
export function mergeGraphs(...gs: LGraph[]): LGraph {
  const nodes = new Map<string, LNode>();
  const edges = new Map<string, LEdge>();
  let truncated = false;
  for (const g of gs) {
    for (const n of g.nodes) nodes.set(n.id, { ...nodes.get(n.id), ...n });
    for (const e of g.edges) edges.set(edgeKey(e), e);
    truncated ||= !!g.truncated;
  }
  const ids = new Set(nodes.keys());
  return {
    nodes: [...nodes.values()],
    edges: [...edges.values()].filter((e) => ids.has(e.source) && ids.has(e.target)),
    truncated,
  };
}

export function weightOf(e: LEdge): number {
  const n = typeof e.weight === 'string' ? Number(e.weight) : (e.weight ?? 0);
  return Number.isFinite(n) ? Math.max(0, n) : 0;
}

/**
 * Focus mode: the nodes on some directed path through `sel` (its ancestors and descendants).
 * Everything else is greyed out.
 */
export function pathsThrough(g: LGraph, sel: string): Set<string> {
  const out = new Map<string, string[]>();
  const inc = new Map<string, string[]>();
  for (const e of g.edges) {
    (out.get(e.source) ?? out.set(e.source, []).get(e.source)!).push(e.target);
    (inc.get(e.target) ?? inc.set(e.target, []).get(e.target)!).push(e.source);
  }
  const seen = new Set<string>([sel]);
  for (const adj of [out, inc]) {
    const stack = [sel];
    const local = new Set<string>([sel]);
    while (stack.length) {
      const n = stack.pop()!;
      for (const m of adj.get(n) ?? []) {
        if (!local.has(m)) {
          local.add(m);
          seen.add(m);
          stack.push(m);
        }
      }
    }
  }
  return seen;
}

/** Shortest path (ignoring direction) between two nodes, as edge keys: the highlighted provenance path. */
export function shortestPath(g: LGraph, from: string, to: string): Set<string> {
  if (from === to) return new Set();
  const adj = new Map<string, { n: string; key: string }[]>();
  for (const e of g.edges) {
    const k = edgeKey(e);
    (adj.get(e.source) ?? adj.set(e.source, []).get(e.source)!).push({ n: e.target, key: k });
    (adj.get(e.target) ?? adj.set(e.target, []).get(e.target)!).push({ n: e.source, key: k });
  }
  const prev = new Map<string, { n: string; key: string }>();
  const q = [from];
  const seen = new Set([from]);
  while (q.length) {
    const n = q.shift()!;
    if (n === to) break;
    for (const x of adj.get(n) ?? []) {
      if (!seen.has(x.n)) {
        seen.add(x.n);
        prev.set(x.n, { n, key: x.key });
        q.push(x.n);
      }
    }
  }
  const path = new Set<string>();
  let cur = to;
  while (prev.has(cur)) {
    const p = prev.get(cur)!;
    path.add(p.key);
    cur = p.n;
  }
  return path;
}
