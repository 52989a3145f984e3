import { TABLE } from '@ae/core/tables';
/**
 * Label and a few fields per node kind, as LATERAL branches over the visited node n (n.kind, n.key).
 * Amounts are cast to text so that wei survive JSON.
 */
export const NODE_DETAILS: Record<string, string> = {
  account: `SELECT a.id::text AS label, jsonb_build_object('totalEarned', a.total_earned::text, 'reputation', a.reputation,
      'isContributor', a.is_contributor, 'isModelOwner', a.is_model_owner, 'isProvider', a.is_provider, 'stake', a.stake::text) AS data
    FROM ${TABLE.account} a WHERE a.id = n.key`,
  datanet: `SELECT d.name AS label, jsonb_build_object('curated', d.curated, 'contributionCount', d.contribution_count,
      'influencePpm', d.influence_ppm::text, 'totalRewards', d.total_rewards::text, 'owner', d.owner_id) AS data
    FROM ${TABLE.datanet} d WHERE d.id = n.key`,
  contribution: `SELECT 'contribution #' || c.id AS label, jsonb_build_object('datanet', c.datanet_id, 'contributor', c.contributor_id,
      'status', c.status, 'contentHash', c.content_hash, 'totalWeightPpm', c.total_weight_ppm::text, 'totalRewards', c.total_rewards::text,
      'submittedAt', c.submitted_at) AS data
    FROM ${TABLE.contribution} c WHERE c.id = n.key`,
  model: `SELECT m.name AS label, jsonb_build_object('kind', m.kind, 'baseModel', m.base_model_id, 'owner', m.owner_id,
      'published', m.published, 'inferenceCount', m.inference_count, 'totalFees', m.total_fees::text, 'artifactHash', m.artifact_hash) AS data
    FROM ${TABLE.model} m WHERE m.id = n.key`,
  checkpoint: `SELECT 'checkpoint ' || k.model_id || ' step ' || k.step AS label, jsonb_build_object('model', k.model_id, 'step', k.step,
      'checkpointHash', k.checkpoint_hash, 'learningRate', k.learning_rate::text) AS data
    FROM ${TABLE.checkpoint} k WHERE k.id = n.key`,
  inference: `SELECT 'inference #' || i.id AS label, jsonb_build_object('model', i.model_id, 'user', i.user_id, 'provider', i.provider_id,
      'fee', i.fee::text, 'timestamp', i.timestamp, 'txHash', i.tx_hash) AS data
    FROM ${TABLE.inference} i WHERE i.id = n.key`,
  attribution: `SELECT 'attribution #' || a.id AS label, jsonb_build_object('inference', a.inference_id, 'model', a.model_id,
      'poster', a.poster_id, 'method', a.method, 'status', a.status, 'shareCount', a.share_count,
      'verdict', (SELECT v.verdict FROM ${TABLE.attributionVerdict} v WHERE v.attribution_id = a.id ORDER BY v.replayed_at DESC LIMIT 1)) AS data
    FROM ${TABLE.attribution} a WHERE a.id = n.key`,
  reward: `SELECT lower(r.role) || ' reward' AS label, jsonb_build_object('account', r.account_id, 'inference', r.inference_id,
      'role', r.role, 'amount', r.amount::text, 'timestamp', r.timestamp) AS data
    FROM ${TABLE.rewardAccrual} r WHERE r.id = n.key`,
  grant: `SELECT 'grant #' || g.id AS label, jsonb_build_object('amount', g.amount::text, 'recipient', g.recipient_id,
      'datanet', g.datanet_id, 'model', g.model_id, 'memo', g.memo, 'proposal', g.proposal_id, 'timestamp', g.timestamp,
      'txHash', g.tx_hash) AS data
    FROM ${TABLE.treasuryGrant} g WHERE g.id = n.key`,
};
