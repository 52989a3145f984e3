import { UserError } from '@ae/core';
import { TABLE } from '@ae/core/tables';
import type { Db } from '../db/db.js';
import { weiToOpen } from '../lineage/lineage.js';

export interface TokenFlowArgs {
  from?: string | null;
  to?: string | null;
  groupBy?: 'ROLE' | 'DATANET' | 'MODEL' | 'ACCOUNT' | null;
  limit?: number | null;
  datanetId?: string | null;
  modelId?: string | null;
}

export interface FlowNode {
  id: string;
  label: string;
  stage: string;
  entityId: string | null;
}

/** The inferences in the window and filters; every flow below is a sum over them. */
const INF = `inf AS (
  SELECT i.id, i.user_id, i.model_id, i.fee FROM ${TABLE.inference} i
  WHERE ($1::timestamptz IS NULL OR i.timestamp >= $1) AND ($2::timestamptz IS NULL OR i.timestamp < $2)
    AND ($3::text IS NULL OR i.model_id = $3)
    AND ($4::text IS NULL OR EXISTS (SELECT 1 FROM ${TABLE.attribution} a JOIN ${TABLE.attributionShare} s ON s.attribution_id = a.id
                                      WHERE a.inference_id = i.id AND s.datanet_id = $4)))`;

const ROLE_LABEL: Record<string, string> = {
  PROTOCOL: 'Protocol (fee part)',
  MODEL_OWNER: 'Model owners',
  PROVIDER: 'Providers',
  STAKER: 'Stakers (accrued at the split)',
  CONTRIBUTOR: 'Contributors (released escrow)',
  ESCROW: 'Contributor escrow (held, not yet settled)',
  ESCROW_LEFTOVER: 'Treasury: unweighted escrow leftover',
  ESCROW_FORFEITED: 'Treasury: forfeited escrow (dispute upheld)',
  SLASHED_STAKE: 'Treasury: slashed stake (not a reward)',
  BOND_FORFEITED: 'Treasury: forfeited bonds (not a reward)',
};

/**
 * OPEN flows for a Sankey: inference users -> models -> (datanets ->) recipients. Each link carries one
 * MoneyCategory (docs/accounting.md): the fee parts and the escrow's fates (released, leftover, forfeited,
 * still held) leave the models; slashed stakes and forfeited bonds are sources of the treasury, not rewards. groupBy picks which columns are expanded into their top-N entities (the rest fold into "Other").
 * Five statements, each a GROUP BY over the window's inferences.
 */
export async function tokenFlows(db: Db, a: TokenFlowArgs) {
  const limit = a.limit ?? 8;
  if (!Number.isInteger(limit) || limit < 1 || limit > 50)
    throw new UserError('limit must be between 1 and 50', { code: 'LIMIT_EXCEEDED' });
  const groupBy = a.groupBy ?? 'MODEL';
  const p = [a.from ?? null, a.to ?? null, a.modelId ?? null, a.datanetId ?? null];
  const noSideFlows = Boolean(a.modelId || a.datanetId);
  const window = [a.from ?? null, a.to ?? null];
  const [userModel, splits, shares, slashes, escrowOut, bonds] = await Promise.all([
    db.query<{ u: string; m: string; v: string }>(
      `WITH ${INF} SELECT user_id AS u, model_id AS m, sum(fee)::text AS v FROM inf GROUP BY 1, 2`,
      p,
    ),
    db.query<{
      m: string;
      protocol: string;
      owner: string;
      provider: string;
      stakers: string;
      contributors: string;
    }>(
      `WITH ${INF} SELECT i.model_id AS m, sum(f.protocol)::text AS protocol, sum(f.model_owner)::text AS owner,
         sum(f.provider)::text AS provider, sum(f.stakers)::text AS stakers, sum(f.contributors)::text AS contributors
       FROM inf i JOIN ${TABLE.feeSplit} f ON f.inference_id = i.id GROUP BY 1`,
      p,
    ),
    db.query<{ m: string; d: string; c: string; v: string }>(
      `WITH ${INF} SELECT i.model_id AS m, s.datanet_id AS d, s.contributor_id AS c, sum(s.reward)::text AS v
       FROM inf i JOIN ${TABLE.attribution} a ON a.inference_id = i.id JOIN ${TABLE.attributionShare} s ON s.attribution_id = a.id
       WHERE s.reward IS NOT NULL AND s.reward > 0 AND ($4::text IS NULL OR s.datanet_id = $4) GROUP BY 1, 2, 3`,
      p,
    ),
    noSideFlows
      ? Promise.resolve([] as { u: string; v: string }[])
      : db.query<{ u: string; v: string }>(
          `SELECT account_id AS u, sum(amount)::text AS v FROM ${TABLE.stakeEvent} WHERE kind = 'SLASH'
           AND ($1::timestamptz IS NULL OR timestamp >= $1) AND ($2::timestamptz IS NULL OR timestamp < $2) GROUP BY 1`,
          window,
        ),
    // the treasury's share of settled escrows: the unweighted leftover and the forfeited escrow
    db.query<{ m: string; c: string; v: string }>(
      `WITH ${INF} SELECT i.model_id AS m, r.category AS c, sum(r.amount)::text AS v
       FROM inf i JOIN ${TABLE.rewardAccrual} r ON r.inference_id = i.id
       WHERE r.category IN ('ESCROW_LEFTOVER', 'ESCROW_FORFEITED') GROUP BY 1, 2`,
      p,
    ),
    noSideFlows
      ? Promise.resolve([] as { v: string }[])
      : db.query<{ v: string }>(
          `SELECT sum(amount)::text AS v FROM ${TABLE.tokenTransfer} WHERE category = 'BOND_FORFEITED'
           AND ($1::timestamptz IS NULL OR timestamp >= $1) AND ($2::timestamptz IS NULL OR timestamp < $2)`,
          window,
        ),
  ]);

  const expandUsers = groupBy === 'ACCOUNT';
  const expandModels = groupBy !== 'ROLE';
  const expandDatanets = groupBy === 'DATANET' || groupBy === 'ACCOUNT';
  const expandContributors = groupBy === 'ACCOUNT';

  const topUsers = top(
    userModel.map((r) => [r.u, r.v]),
    limit,
  );
  const topModels = top([...userModel.map((r) => [r.m, r.v] as [string, string])], limit);
  const topDatanets = top(
    shares.map((r) => [r.d, r.v]),
    limit,
  );
  const topContribs = top(
    shares.map((r) => [r.c, r.v]),
    limit,
  );

  const nodes = new Map<string, FlowNode>();
  const links = new Map<string, bigint>();
  const totals = new Map<string, bigint>();
  const node = (id: string, label: string, stage: string, entityId: string | null = null) => {
    if (!nodes.has(id)) nodes.set(id, { id, label, stage, entityId });
    return id;
  };
  const link = (s: string, t: string, category: string, v: string | bigint) => {
    const amount = BigInt(v);
    if (amount <= 0n) return;
    const k = `${s}\u0000${t}\u0000${category}`;
    links.set(k, (links.get(k) ?? 0n) + amount);
    if (nodes.get(t)?.stage === 'RECIPIENT') totals.set(category, (totals.get(category) ?? 0n) + amount);
  };
  const userNode = (u: string) =>
    !expandUsers
      ? node('users', 'Inference users', 'USER')
      : topUsers.has(u)
        ? node(`user:${u}`, u, 'USER', `account:${u}`)
        : node('other:USER', 'Other users', 'USER');
  const modelNode = (m: string) =>
    !expandModels
      ? node('models', 'Models', 'MODEL')
      : topModels.has(m)
        ? node(`model:${m}`, `model ${m}`, 'MODEL', `model:${m}`)
        : node('other:MODEL', 'Other models', 'MODEL');
  const datanetNode = (d: string) =>
    topDatanets.has(d)
      ? node(`datanet:${d}`, `datanet ${d}`, 'DATANET', `datanet:${d}`)
      : node('other:DATANET', 'Other datanets', 'DATANET');
  const roleNode = (r: string) => node(`role:${r}`, ROLE_LABEL[r] ?? r, 'RECIPIENT');
  const contributorNode = (c: string) =>
    !expandContributors
      ? roleNode('CONTRIBUTOR')
      : topContribs.has(c)
        ? node(`account:${c}`, c, 'RECIPIENT', `account:${c}`)
        : node('other:CONTRIBUTOR', 'Other contributors', 'RECIPIENT');

  let totalFees = 0n;
  for (const r of userModel) {
    totalFees += BigInt(r.v);
    link(userNode(r.u), modelNode(r.m), 'INFERENCE_FEE', r.v);
  }
  const paidByModel = new Map<string, bigint>();
  for (const r of shares) {
    paidByModel.set(r.m, (paidByModel.get(r.m) ?? 0n) + BigInt(r.v));
    const released = 'CONTRIBUTOR_RELEASED';
    if (expandDatanets) {
      link(modelNode(r.m), datanetNode(r.d), released, r.v);
      link(datanetNode(r.d), contributorNode(r.c), released, r.v);
    } else link(modelNode(r.m), contributorNode(r.c), released, r.v);
  }
  for (const r of escrowOut) {
    paidByModel.set(r.m, (paidByModel.get(r.m) ?? 0n) + BigInt(r.v));
    link(modelNode(r.m), roleNode(r.c), r.c, r.v);
  }
  for (const r of splits) {
    const m = modelNode(r.m);
    link(m, roleNode('PROTOCOL'), 'FEE_PROTOCOL', r.protocol);
    link(m, roleNode('MODEL_OWNER'), 'FEE_MODEL_OWNER', r.owner);
    link(m, roleNode('PROVIDER'), 'FEE_PROVIDER', r.provider);
    link(m, roleNode('STAKER'), 'FEE_STAKERS', r.stakers);
    // what is neither released, left over nor forfeited is still held in escrow
    link(
      m,
      roleNode('ESCROW'),
      'CONTRIBUTOR_ESCROWED',
      BigInt(r.contributors) - (paidByModel.get(r.m) ?? 0n),
    );
  }
  let totalSlashed = 0n;
  for (const r of slashes) {
    totalSlashed += BigInt(r.v);
    link(node('slashes', 'Slashed stakes', 'SOURCE'), roleNode('SLASHED_STAKE'), 'SLASHED_STAKE', r.v);
  }
  const totalBondsForfeited = BigInt(bonds[0]?.v ?? '0');
  link(
    node('bonds', 'Forfeited dispute bonds', 'SOURCE'),
    roleNode('BOND_FORFEITED'),
    'BOND_FORFEITED',
    totalBondsForfeited,
  );
  await labelEntities(db, nodes);
  const used = new Set<string>();
  const outLinks = [...links.entries()].map(([k, v]) => {
    const [source, target, category] = k.split('\u0000') as [string, string, string];
    used.add(source).add(target);
    return { source, target, category, amount: v.toString(), value: weiToOpen(v.toString()) };
  });
  return {
    nodes: [...nodes.values()].filter((n) => used.has(n.id)),
    links: outLinks,
    totalFees: totalFees.toString(),
    totalSlashed: totalSlashed.toString(),
    totalBondsForfeited: totalBondsForfeited.toString(),
    totals: [...totals.entries()].map(([category, v]) => ({ category, amountWei: v.toString() })),
  };
}

/** The ids of the N largest totals. */
function top(pairs: Array<[string, string]>, n: number): Set<string> {
  const sums = new Map<string, bigint>();
  for (const [k, v] of pairs) sums.set(k, (sums.get(k) ?? 0n) + BigInt(v));
  return new Set(
    [...sums.entries()]
      .sort((x, y) => (y[1] > x[1] ? 1 : y[1] < x[1] ? -1 : x[0] < y[0] ? -1 : 1))
      .slice(0, n)
      .map(([k]) => k),
  );
}

/** Replaces 'model 3' / 'datanet 1' placeholders with the entities' names (one statement). */
async function labelEntities(db: Db, nodes: Map<string, FlowNode>) {
  const models = [...nodes.values()]
    .filter((n) => n.entityId?.startsWith('model:'))
    .map((n) => n.entityId!.slice(6));
  const datanets = [...nodes.values()]
    .filter((n) => n.entityId?.startsWith('datanet:'))
    .map((n) => n.entityId!.slice(8));
  if (!models.length && !datanets.length) return;
  const rows = await db.query<{ k: string; id: string; name: string }>(
    `SELECT 'model' AS k, id, name FROM ${TABLE.model} WHERE id = ANY($1::text[])
     UNION ALL SELECT 'datanet', id, name FROM ${TABLE.datanet} WHERE id = ANY($2::text[])`,
    [models, datanets],
  );
  for (const r of rows) {
    const n = nodes.get(`${r.k}:${r.id}`);
    if (n) n.label = r.name;
  }
}
