import { weightOf } from './graphOps.js';
import type { LEdge, LGraph, LNode } from './types.js';

export interface MoreNodeData {
  more: true;
  parent: string;
  hidden: LNode[];
}

export const isMore = (n: LNode): n is LNode & { data: MoreNodeData } => n.kind === 'more';

/**
 * The kinds that carry where data went — datanets, models (trained, derived), checkpoints: never folded behind
 * a fan-out of money or credit edges, because they are the answer to "where did my data go".
 */
export const STRUCTURAL_KINDS = new Set(['datanet', 'model', 'checkpoint', 'DATANET', 'MODEL', 'CHECKPOINT']);

/**
 * Large fan-outs (a datanet with 5,000 contributions) would drown the picture: every node keeps at most
 * `limit` children away from the root (structural ones and pinned ones always, then the heaviest edges), the
 * rest fold into a "+N more" node that lists them; a collapsed node folds all its children. Nodes no longer
 * reachable from the root disappear with them.
 */
export function collapseFanouts(
  g: LGraph,
  rootId: string,
  limit: number,
  opened: Set<string>,
  pinned: Set<string>,
  collapsed: Set<string> = new Set(),
  /** the fan-out kept for nodes other than the root (a model's every inference is not where the root's data went) */
  innerLimit = limit,
): LGraph {
  const adj = new Map<string, { n: string; e: LEdge }[]>();
  for (const e of g.edges) {
    (adj.get(e.source) ?? adj.set(e.source, []).get(e.source)!).push({ n: e.target, e });
    (adj.get(e.target) ?? adj.set(e.target, []).get(e.target)!).push({ n: e.source, e });
  }
  if (!g.nodes.some((n) => n.id === rootId)) return g;
  // BFS distances from the root, ignoring direction: "children" are neighbours one step further out.
  const dist = new Map<string, number>([[rootId, 0]]);
  const order = [rootId];
  for (let i = 0; i < order.length; i++) {
    const n = order[i];
    for (const { n: m } of adj.get(n) ?? []) {
      if (!dist.has(m)) {
        dist.set(m, dist.get(n)! + 1);
        order.push(m);
      }
    }
  }
  const byId = new Map(g.nodes.map((n) => [n.id, n]));
  const hiddenBy = new Map<string, LNode[]>();
  const hidden = new Set<string>();
  for (const p of order) {
    if (opened.has(p) && !collapsed.has(p)) continue;
    const kids = [
      ...new Map(
        (adj.get(p) ?? []).filter(({ n }) => dist.get(n) === dist.get(p)! + 1).map((x) => [x.n, x]),
      ).values(),
    ];
    const isCollapsed = collapsed.has(p) && p !== rootId;
    const max = p === rootId ? limit : innerLimit;
    if (!isCollapsed && kids.length <= max + 1) continue;
    const structural = (n: string) => STRUCTURAL_KINDS.has(byId.get(n)?.kind ?? '');
    kids.sort(
      (a, b) =>
        Number(structural(b.n)) - Number(structural(a.n)) ||
        weightOf(b.e) - weightOf(a.e) ||
        a.n.localeCompare(b.n, undefined, { numeric: true }),
    );
    const keep = new Set<string>();
    if (!isCollapsed) {
      for (const k of kids) if (structural(k.n) || pinned.has(k.n)) keep.add(k.n);
      for (const k of kids.slice(0, max)) keep.add(k.n);
    }
    const fold = kids.filter((k) => !keep.has(k.n)).map((k) => byId.get(k.n)!);
    if (fold.length === 0) continue;
    hiddenBy.set(p, fold);
    for (const f of fold) hidden.add(f.id);
  }
  // Keep what is still reachable from the root without passing through a hidden node.
  const visible = new Set<string>([rootId]);
  const stack = [rootId];
  while (stack.length) {
    const n = stack.pop()!;
    for (const { n: m } of adj.get(n) ?? []) {
      if (!visible.has(m) && !hidden.has(m)) {
        visible.add(m);
        stack.push(m);
      }
    }
  }
  const nodes: LNode[] = g.nodes.filter((n) => visible.has(n.id));
  const edges: LEdge[] = g.edges.filter((e) => visible.has(e.source) && visible.has(e.target));
  for (const [p, fold] of hiddenBy) {
    if (!visible.has(p)) continue;
    const id = `more:${p}`;
    const outward = g.edges.find((e) => e.source === p && fold.some((f) => f.id === e.target));
    nodes.push({
      id,
      kind: 'more',
      label: `+${fold.length} more`,
      data: { more: true, parent: p, hidden: fold } satisfies MoreNodeData,
    });
    edges.push(outward ? { source: p, target: id, kind: 'more' } : { source: id, target: p, kind: 'more' });
  }
  return { nodes, edges, truncated: g.truncated };
}
