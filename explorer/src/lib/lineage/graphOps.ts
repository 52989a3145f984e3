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

/**
 * The provenance path from the root to a node along the edges' direction (upstream to downstream): the way the
 * data went (contribution → datanet → model), never a shortcut against the arrows. Downstream first, then
 * upstream (the selected node is a source of the root), then any path when no directed one exists.
 */
export function directedPath(g: LGraph, from: string, to: string): Set<string> {
  if (from === to) return new Set();
  const walk = (a: string, b: string): Set<string> | null => {
    const out = new Map<string, LEdge[]>();
    for (const e of g.edges) (out.get(e.source) ?? out.set(e.source, []).get(e.source)!).push(e);
    const prev = new Map<string, LEdge>();
    const q = [a];
    const seen = new Set([a]);
    for (let i = 0; i < q.length; i++) {
      const n = q[i];
      if (n === b) break;
      for (const e of out.get(n) ?? []) {
        if (!seen.has(e.target)) {
          seen.add(e.target);
          prev.set(e.target, e);
          q.push(e.target);
        }
      }
    }
    if (!prev.has(b)) return null;
    const path = new Set<string>();
    for (let cur = b; prev.has(cur); cur = prev.get(cur)!.source) path.add(edgeKey(prev.get(cur)!));
    return path;
  };
  return walk(from, to) ?? walk(to, from) ?? shortestPath(g, from, to);
}

/** Edge kinds that move money or credit (the rest is structure: data into datanets, models, checkpoints). */
export const MONEY_EDGES = new Set([
  'REQUESTED',
  'SERVED',
  'CREDITED',
  'REWARDED',
  'ACCRUED',
  'FUNDED',
  'rewards',
]);
