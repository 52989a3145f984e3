import { toBigInt } from '$lib/format/format.js';
import type { LEdge, LGraph, LNode } from './types.js';

/** The node kinds of the default view: everything but single reward credits, which come grouped. */
export const VIEW_KINDS = [
  'ACCOUNT',
  'DATANET',
  'CONTRIBUTION',
  'MODEL',
  'CHECKPOINT',
  'INFERENCE',
  'ATTRIBUTION',
];

export const GROUP_PREFIX = 'rewards:';
export const isGroupId = (id: string) => id.startsWith(GROUP_PREFIX);
/** The node whose reward credits a group stands for (`rewards:inference:5` → `inference:5`). */
export const groupOwner = (id: string) => id.slice(GROUP_PREFIX.length);

/**
 * Rewards grouped until expanded: a contribution's credits become one node (contributor rewards, how many
 * inferences, the OPEN they paid), an inference's fee split one node (the fee, split among five roles), so a
 * fan-out of reward credits never crowds out datanets and models. A group whose owner was expanded (its credits
 * fetched and merged) is left out: the credits themselves are there. Contribution groups only where the
 * contribution's earnings are the point (from the contribution itself or its contributor).
 */
export function withRewardGroups(g: LGraph, expanded: Set<string>, rootId = ''): LGraph {
  // a contribution's credits are where its data earned: shown from the contribution or its contributor, not
  // from an inference or a model upstream of which the contribution sits
  const contributionGroups = rootId === '' || /^(contribution|account):/.test(rootId);
  const nodes: LNode[] = [...g.nodes];
  const edges: LEdge[] = [...g.edges];
  const ids = new Set(g.nodes.map((n) => n.id));
  const credited = new Map<string, { count: number; wei: bigint }>();
  for (const e of g.edges) {
    if (e.kind !== 'CREDITED') continue;
    const c = credited.get(e.source) ?? { count: 0, wei: 0n };
    c.count += 1;
    c.wei += toBigInt(e.amount);
    credited.set(e.source, c);
  }
  for (const n of g.nodes) {
    const kind = n.kind.toLowerCase();
    const gid = `${GROUP_PREFIX}${n.id}`;
    if (expanded.has(gid) || ids.has(gid)) continue;
    if (kind === 'contribution' && credited.has(n.id) && contributionGroups) {
      const c = credited.get(n.id)!;
      nodes.push({
        id: gid,
        kind: 'rewardGroup',
        label: `contributor rewards ×${c.count}`,
        data: { role: 'CONTRIBUTOR', inferences: c.count, amount: c.wei.toString(), owner: n.id },
      });
      edges.push({ source: n.id, target: gid, kind: 'REWARDED', unit: 'OPEN', amount: c.wei.toString() });
    } else if (kind === 'inference') {
      const fee = (n.data as { fee?: string } | undefined)?.fee;
      if (!fee || toBigInt(fee) === 0n) continue;
      nodes.push({
        id: gid,
        kind: 'rewardGroup',
        label: 'fee split ×5 roles',
        data: { roles: 'protocol, model owner, provider, stakers, contributors', amount: fee, owner: n.id },
      });
      edges.push({ source: n.id, target: gid, kind: 'ACCRUED', unit: 'OPEN', amount: fee });
    }
  }
  return { nodes, edges, truncated: g.truncated };
}
