import { TABLE } from '@ae/core/tables';
/**
 * The lineage graph's edges as SQL over the indexer's tables. Each relation is written twice: walking
 * DOWNSTREAM from its source kind and UPSTREAM from its target kind, every lookup on an indexed column.
 * Inside the recursive CTE `w` is the frontier row (w.kind, w.key); each branch yields
 * (kind, key, ekind, ppm, amt) for the neighbour. Edges point upstream -> downstream.
 */
export interface EdgeRelation {
  /** The edge kind (EdgeKind in the GraphQL schema). */
  ekind: string;
  source: string;
  target: string;
  /** Neighbours (targets) of a source node w. */
  down: string;
  /** Neighbours (sources) of a target node w. */
  up: string;
}

// Shares reach inferences through their attribution. Written as correlated lookups (and OFFSET 0 fences) so
// that every hop is an index lookup whatever the statistics say: right after a backfill they lag the tables,
// and the planner then hashes all 400,000 shares of the large scenario for one inference (70 ms a hop).
const inferenceOf = (share: string) =>
  `SELECT a.inference_id FROM ${TABLE.attribution} a WHERE a.id = ${share}.attribution_id`;
const attributionsOf = (inference: string) =>
  `ARRAY(SELECT a.id FROM ${TABLE.attribution} a WHERE a.inference_id = ${inference})`;

export const EDGE_RELATIONS: EdgeRelation[] = [
  {
    ekind: 'SUBMITTED',
    source: 'account',
    target: 'contribution',
    down: `SELECT 'contribution', c.id::text, NULL::numeric, NULL::numeric FROM ${TABLE.contribution} c WHERE c.contributor_id = w.key`,
    up: `SELECT 'account', c.contributor_id::text, NULL::numeric, NULL::numeric FROM ${TABLE.contribution} c WHERE c.id = w.key`,
  },
  {
    ekind: 'OWNS',
    source: 'account',
    target: 'datanet',
    down: `SELECT 'datanet', d.id::text, NULL::numeric, NULL::numeric FROM ${TABLE.datanet} d WHERE d.owner_id = w.key`,
    up: `SELECT 'account', d.owner_id::text, NULL::numeric, NULL::numeric FROM ${TABLE.datanet} d WHERE d.id = w.key`,
  },
  {
    ekind: 'OWNS',
    source: 'account',
    target: 'model',
    down: `SELECT 'model', m.id::text, NULL::numeric, NULL::numeric FROM ${TABLE.model} m WHERE m.owner_id = w.key`,
    up: `SELECT 'account', m.owner_id::text, NULL::numeric, NULL::numeric FROM ${TABLE.model} m WHERE m.id = w.key`,
  },
  {
    ekind: 'REQUESTED',
    source: 'account',
    target: 'inference',
    down: `SELECT 'inference', i.id::text, NULL::numeric, i.fee FROM ${TABLE.inference} i WHERE i.user_id = w.key`,
    up: `SELECT 'account', i.user_id::text, NULL::numeric, i.fee FROM ${TABLE.inference} i WHERE i.id = w.key`,
  },
  {
    ekind: 'POSTED',
    source: 'account',
    target: 'attribution',
    down: `SELECT 'attribution', a.id::text, NULL::numeric, NULL::numeric FROM ${TABLE.attribution} a WHERE a.poster_id = w.key`,
    up: `SELECT 'account', a.poster_id::text, NULL::numeric, NULL::numeric FROM ${TABLE.attribution} a WHERE a.id = w.key`,
  },
  {
    ekind: 'INCLUDED_IN',
    source: 'contribution',
    target: 'datanet',
    down: `SELECT 'datanet', c.datanet_id::text, NULL::numeric, NULL::numeric FROM ${TABLE.contribution} c WHERE c.id = w.key`,
    up: `SELECT 'contribution', c.id::text, NULL::numeric, NULL::numeric FROM ${TABLE.contribution} c WHERE c.datanet_id = w.key`,
  },
  {
    ekind: 'TRAINED',
    source: 'datanet',
    target: 'model',
    down: `SELECT DISTINCT 'model', t.model_id::text, NULL::numeric, NULL::numeric FROM ${TABLE.modelTrainedOn} t WHERE t.datanet_id = w.key`,
    up: `SELECT DISTINCT 'datanet', t.datanet_id::text, NULL::numeric, NULL::numeric FROM ${TABLE.modelTrainedOn} t WHERE t.model_id = w.key`,
  },
  {
    ekind: 'DERIVED',
    source: 'model',
    target: 'model',
    down: `SELECT 'model', m.id::text, NULL::numeric, NULL::numeric FROM ${TABLE.model} m WHERE m.base_model_id = w.key`,
    up: `SELECT 'model', m.base_model_id::text, NULL::numeric, NULL::numeric FROM ${TABLE.model} m WHERE m.id = w.key AND m.base_model_id IS NOT NULL`,
  },
  {
    ekind: 'CHECKPOINT',
    source: 'model',
    target: 'checkpoint',
    down: `SELECT 'checkpoint', k.id::text, NULL::numeric, NULL::numeric FROM ${TABLE.checkpoint} k WHERE k.model_id = w.key`,
    up: `SELECT 'model', k.model_id::text, NULL::numeric, NULL::numeric FROM ${TABLE.checkpoint} k WHERE k.id = w.key`,
  },
  {
    ekind: 'SERVED',
    source: 'model',
    target: 'inference',
    down: `SELECT 'inference', i.id::text, NULL::numeric, i.fee FROM ${TABLE.inference} i WHERE i.model_id = w.key`,
    up: `SELECT 'model', i.model_id::text, NULL::numeric, i.fee FROM ${TABLE.inference} i WHERE i.id = w.key`,
  },
  {
    ekind: 'CREDITED',
    source: 'contribution',
    target: 'inference',
    down: `SELECT 'inference', (${inferenceOf('s')})::text, s.weight_ppm::numeric, s.reward FROM ${TABLE.attributionShare} s
           WHERE s.contribution_id = w.key`,
    up: `SELECT 'contribution', s.contribution_id::text, s.weight_ppm::numeric, s.reward FROM ${TABLE.attributionShare} s
         WHERE s.attribution_id = ANY (${attributionsOf('w.key')})`,
  },
  {
    ekind: 'ATTRIBUTES',
    source: 'attribution',
    target: 'inference',
    down: `SELECT 'inference', a.inference_id::text, NULL::numeric, NULL::numeric FROM ${TABLE.attribution} a WHERE a.id = w.key`,
    up: `SELECT 'attribution', a.id::text, NULL::numeric, NULL::numeric FROM ${TABLE.attribution} a WHERE a.inference_id = w.key`,
  },
  {
    ekind: 'REWARDED',
    source: 'contribution',
    target: 'reward',
    down: `SELECT 'reward', r.id::text, NULL::numeric, s.reward
           FROM (SELECT s.contributor_id, s.reward, (${inferenceOf('s')}) AS inference_id FROM ${TABLE.attributionShare} s
                 WHERE s.contribution_id = w.key OFFSET 0) s
           CROSS JOIN LATERAL (SELECT r.id FROM ${TABLE.rewardAccrual} r WHERE r.inference_id = s.inference_id
                 AND r.account_id = s.contributor_id AND r.role = 'CONTRIBUTOR' OFFSET 0) r
           WHERE true`,
    up: `SELECT 'contribution', s.contribution_id::text, NULL::numeric, s.reward
         FROM (SELECT r.inference_id, r.account_id FROM ${TABLE.rewardAccrual} r WHERE r.id = w.key AND r.role = 'CONTRIBUTOR' OFFSET 0) r
         CROSS JOIN LATERAL (SELECT s.contribution_id, s.reward FROM ${TABLE.attributionShare} s
               WHERE s.attribution_id = ANY (${attributionsOf('r.inference_id')}) AND s.contributor_id = r.account_id OFFSET 0) s
         WHERE true`,
  },
  {
    ekind: 'ACCRUED',
    source: 'inference',
    target: 'reward',
    // a forfeited dispute bond is credited against the disputed inference but is no reward of it (docs/accounting.md)
    down: `SELECT 'reward', r.id::text, NULL::numeric, r.amount FROM ${TABLE.rewardAccrual} r WHERE r.inference_id = w.key AND r.category <> 'BOND_FORFEITED'`,
    up: `SELECT 'inference', r.inference_id::text, NULL::numeric, r.amount FROM ${TABLE.rewardAccrual} r WHERE r.id = w.key AND r.inference_id IS NOT NULL AND r.category <> 'BOND_FORFEITED'`,
  },
  {
    // a Treasury grant (GrantPaid kind 1 / 2, paid by a proposal) funds the datanet or model it names
    ekind: 'FUNDED',
    source: 'grant',
    target: 'datanet',
    down: `SELECT 'datanet', g.datanet_id::text, NULL::numeric, g.amount FROM ${TABLE.treasuryGrant} g WHERE g.id = w.key AND g.datanet_id IS NOT NULL`,
    up: `SELECT 'grant', g.id::text, NULL::numeric, g.amount FROM ${TABLE.treasuryGrant} g WHERE g.datanet_id = w.key`,
  },
  {
    ekind: 'FUNDED',
    source: 'grant',
    target: 'model',
    down: `SELECT 'model', g.model_id::text, NULL::numeric, g.amount FROM ${TABLE.treasuryGrant} g WHERE g.id = w.key AND g.model_id IS NOT NULL`,
    up: `SELECT 'grant', g.id::text, NULL::numeric, g.amount FROM ${TABLE.treasuryGrant} g WHERE g.model_id = w.key`,
  },
];

/** Node kinds of the lineage graph (lowercase in ids, uppercase in the NodeKind enum). */
export const NODE_KINDS = [
  'account',
  'datanet',
  'contribution',
  'model',
  'checkpoint',
  'inference',
  'attribution',
  'reward',
  'grant',
] as const;
export type NodeKindName = (typeof NODE_KINDS)[number];
