export interface LNode {
  id: string;
  kind: string;
  label: string | null;
  data?: unknown;
}
export interface LEdge {
  source: string;
  target: string;
  kind: string;
  weight?: number | string | null;
  /** PPM (attribution weight) or OPEN (token amount): widths are scaled within a unit */
  unit?: string | null;
  amount?: string | null;
}
export interface LGraph {
  nodes: LNode[];
  edges: LEdge[];
  truncated?: boolean;
}
export type Direction = 'UPSTREAM' | 'DOWNSTREAM' | 'BOTH';

/** Everything an auditor needs to share the exact view: it all lives in the URL. */
export interface ViewState {
  direction: Direction;
  depth: number;
  selected: string | null;
  focus: boolean;
  /** nodes whose own lineage was fetched and merged in */
  expanded: string[];
  /** parents whose large fan-out is shown in full */
  opened: string[];
  /** hidden children picked from a "+N more" list */
  pinned: string[];
  /** nodes whose children (away from the root) are folded away */
  collapsed: string[];
}

export const edgeKey = (e: LEdge) => `${e.source}\u2192${e.target}`;
