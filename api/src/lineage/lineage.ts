import { BaseError, UserError } from '@ae/core';
import type { Db } from '../db/db.js';
import type { NodeKindName } from './edgeRelations.js';
import { LINEAGE_SQL } from './lineageSql.js';
import { parseNodeId } from './nodeId.js';

export interface LineageArgs {
  id: string;
  direction?: 'UPSTREAM' | 'DOWNSTREAM' | 'BOTH' | null;
  depth?: number | null;
  kinds?: string[] | null;
  maxNodes?: number | null;
}

export interface LineageLimits {
  lineageDefaultNodes: number;
  lineageMaxNodes: number;
  lineageMaxDepth: number;
}

interface RawNode {
  id: string;
  kind: string;
  key: string;
  depth: number;
  label: string | null;
  data: unknown;
}
interface RawEdge {
  s: string;
  t: string;
  k: string;
  p: string | null;
  a: string | null;
}

const WEI = 10n ** 18n;
/** wei -> OPEN as a float, exact to ~15 significant digits (for drawing only; `amount` keeps the exact value). */
export function weiToOpen(wei: string): number {
  const v = BigInt(wei);
  const neg = v < 0n;
  const a = neg ? -v : v;
  const f = Number(a / WEI) + Number(a % WEI) / 1e18;
  return neg ? -f : f;
}

/**
 * Provenance graph around one node, answered by ONE recursive SQL statement (see lineageSql.ts), bounded by
 * depth and by a node budget; `truncated` says when the budget cut it.
 */
export async function lineage(db: Db, limits: LineageLimits, args: LineageArgs) {
  const kinds = args.kinds?.map((k) => k.toLowerCase() as NodeKindName) ?? null;
  const root = parseNodeId(args.id, kinds?.length === 1 ? kinds[0] : undefined);
  const depth = args.depth ?? 3;
  if (!Number.isInteger(depth) || depth < 0 || depth > limits.lineageMaxDepth) {
    throw new UserError(`depth must be between 0 and ${limits.lineageMaxDepth}`, {
      code: depth > limits.lineageMaxDepth ? 'LIMIT_EXCEEDED' : 'BAD_USER_INPUT',
    });
  }
  const maxNodes = args.maxNodes ?? limits.lineageDefaultNodes;
  if (!Number.isInteger(maxNodes) || maxNodes < 1 || maxNodes > limits.lineageMaxNodes) {
    throw new UserError(`maxNodes must be between 1 and ${limits.lineageMaxNodes}`, {
      code: 'LIMIT_EXCEEDED',
    });
  }
  const dir = args.direction === 'UPSTREAM' ? -1 : args.direction === 'DOWNSTREAM' ? 1 : 0;
  const rootId = `${root.kind}:${root.key}`;
  const rowBudget = maxNodes * 3;
  const [r] = await db.prepared<{ nodes: RawNode[]; edges: RawEdge[]; rows: number; node_count: number }>(
    'ae_lineage_v2',
    LINEAGE_SQL,
    [rootId, dir, depth, kinds, rowBudget, maxNodes],
  );
  const rootNode = r?.nodes.find((n) => n.id === rootId);
  if (!r || !rootNode || rootNode.label === null)
    throw new BaseError(`${rootId} not found`, { code: 'NOT_FOUND' });
  return {
    root: rootId,
    nodeBudget: maxNodes,
    truncated: r.rows >= rowBudget || r.node_count > maxNodes,
    nodes: r.nodes.map((n) => ({
      id: n.id,
      kind: n.kind.toUpperCase(),
      entityId: n.key,
      label: n.label ?? n.id,
      depth: n.depth,
      data: n.data,
    })),
    edges: dedupe(r.edges).map((e) => ({
      source: e.s,
      target: e.t,
      kind: e.k,
      weight: e.p !== null ? Number(e.p) : e.a !== null ? weiToOpen(e.a) : null,
      unit: e.p !== null ? 'PPM' : e.a !== null ? 'OPEN' : null,
      amount: e.a,
    })),
  };
}

/** The walk can find one edge from both ends; keep it once. */
function dedupe(edges: RawEdge[]): RawEdge[] {
  const seen = new Set<string>();
  return edges.filter((e) => {
    const k = `${e.s}|${e.t}|${e.k}|${e.p}|${e.a}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
