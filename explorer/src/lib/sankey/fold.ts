import { toBigInt } from '../format/format.js';

export interface FlowNode {
  id: string;
  label: string | null;
  stage: string;
}
export interface FlowLink {
  source: string;
  target: string;
  /** OPEN as a float, for drawing */
  value?: number;
  /** exact wei (decimal string) */
  amount: string;
  /** the MoneyCategory the link carries (docs/accounting.md) */
  category?: string;
}
export interface Flows {
  nodes: FlowNode[];
  links: FlowLink[];
}

/** The fixed left-to-right stages; outflows (owners, providers, protocol, slashes) share the last columns. */
export const STAGES = [
  'USER',
  'MODEL',
  'DATANET',
  'CONTRIBUTOR',
  'MODEL_OWNER',
  'PROVIDER',
  'STAKER',
  'PROTOCOL',
  'SLASH',
];
export function stageColumn(stage: string): number {
  const s = stage.toUpperCase().replace(/S$/, '');
  const i = STAGES.indexOf(s);
  if (i < 0) return 3;
  return Math.min(i, 3);
}

/**
 * Keeps the `top` nodes of each stage by throughput and folds the rest into one "Other" node per stage,
 * summing their links exactly (BigInt), so the picture stays readable and totals stay equal to the API's.
 */
export function foldFlows(f: Flows, top: number): Flows {
  const through = new Map<string, bigint>();
  for (const l of f.links) {
    const v = toBigInt(l.amount);
    through.set(l.source, (through.get(l.source) ?? 0n) + v);
    through.set(l.target, (through.get(l.target) ?? 0n) + v);
  }
  const byStage = new Map<string, FlowNode[]>();
  for (const n of f.nodes) (byStage.get(n.stage) ?? byStage.set(n.stage, []).get(n.stage)!).push(n);
  const rename = new Map<string, string>();
  const nodes: FlowNode[] = [];
  for (const [stage, list] of byStage) {
    list.sort((a, b) => {
      const d = (through.get(b.id) ?? 0n) - (through.get(a.id) ?? 0n);
      return d > 0n ? 1 : d < 0n ? -1 : a.id.localeCompare(b.id);
    });
    const keep = list.length > top + 1 ? list.slice(0, top) : list;
    nodes.push(...keep);
    if (keep.length < list.length) {
      const other = { id: `other:${stage}`, label: `Other (${list.length - keep.length})`, stage };
      nodes.push(other);
      for (const n of list.slice(top)) rename.set(n.id, other.id);
    }
  }
  const sums = new Map<string, { source: string; target: string; category?: string; value: bigint }>();
  for (const l of f.links) {
    const s = rename.get(l.source) ?? l.source;
    const t = rename.get(l.target) ?? l.target;
    const k = `${s}\u0000${t}\u0000${l.category ?? ''}`;
    const cur = sums.get(k) ?? { source: s, target: t, category: l.category, value: 0n };
    cur.value += toBigInt(l.amount);
    sums.set(k, cur);
  }
  return {
    nodes,
    links: [...sums.values()]
      .filter((l) => l.source !== l.target)
      .map((l) => ({
        source: l.source,
        target: l.target,
        amount: l.value.toString(),
        ...(l.category ? { category: l.category } : {}),
      })),
  };
}

/** Total OPEN leaving one stage (USER: the inference fees), shown next to the API's own totals. */
export function totalOut(f: Flows, stage = 'USER'): bigint {
  const first = new Set(f.nodes.filter((n) => n.stage.toUpperCase() === stage).map((n) => n.id));
  return f.links.filter((l) => first.has(l.source)).reduce((s, l) => s + toBigInt(l.amount), 0n);
}

/** The API's node for stake slashed by upheld disputes (a source of the protocol's income, not of fees). */
export const SLASHED_STAKE = 'slashes';

/**
 * The flows without slashed stake. Slashes are whole stakes while fees are fractions of an OPEN, so drawn
 * together the slashes dwarf every fee flow; the page draws them only on request and always lists them.
 * Nodes left without any link go too.
 */
export function withoutSlashedStake(f: Flows): Flows {
  const links = f.links.filter((l) => l.source !== SLASHED_STAKE && l.target !== SLASHED_STAKE);
  const used = new Set(links.flatMap((l) => [l.source, l.target]));
  return { nodes: f.nodes.filter((n) => used.has(n.id)), links };
}
