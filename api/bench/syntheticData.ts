import { TABLE } from '@ae/core/tables';
import type pg from 'pg';

export interface SyntheticScale {
  accounts: number;
  datanets: number;
  contributions: number;
  models: number;
  inferences: number;
  /** attributions = inferences * attributedShare */
  attributedShare: number;
  sharesPerAttribution: number;
}

export const LARGE: SyntheticScale = {
  accounts: 20_000,
  datanets: 60,
  contributions: 200_000,
  models: 240,
  inferences: 150_000,
  attributedShare: 0.5,
  sharesPerAttribution: 8,
};

/** A tenth of LARGE, for a quick run of the bench (BENCH_SCALE=small). */
export const SMALL: SyntheticScale = {
  accounts: 2000,
  datanets: 20,
  contributions: 20_000,
  models: 40,
  inferences: 15_000,
  attributedShare: 0.5,
  sharesPerAttribution: 8,
};

const hex = (expr: string, width = 40) => `'0x' || lpad(to_hex(${expr}), ${width}, '0')`;

/**
 * Fills the indexer's tables with a large-scenario-shaped world in a few INSERT ... SELECT generate_series
 * statements (seconds instead of the hour a 1M-event chain takes to play and index): model chains of depth 4,
 * every model trained on two datanets, attributions with k shares, fee splits and reward accruals. Only the
 * columns the API reads are meaningful; the rest get neutral values.
 */
export async function fillSynthetic(pool: pg.Pool, s: SyntheticScale): Promise<Record<string, number>> {
  const attributions = Math.floor(s.inferences * s.attributedShare);
  const t0 = `'2026-01-01T00:00:00Z'::timestamptz`;
  const stmts = [
    `INSERT INTO ${TABLE.account} SELECT ${hex('i')}, i, ${t0}, i % 4 = 0, false, i % 50 = 0, i % 100 = 1, i % 20 = 2, false, true,
       (i % 997)::numeric * 1e15, (i % 997)::numeric * 1e15, ${Array(25).fill('0').join(', ')}, ${t0}
     FROM generate_series(1, ${s.accounts}) i`,
    `INSERT INTO ${TABLE.datanet} (id, owner_id, name, metadata_uri, curated, min_stake, created_block, created_at, tx_hash, contribution_count, accepted_count,
       rejected_count, version_count, curator_count, trained_model_count, attribution_share_count, influence_ppm, total_rewards)
     SELECT i::text, ${hex('(i * 50) % ' + s.accounts + ' + 1')}, 'datanet ' || i, 'ipfs://d' || i, i % 2 = 0, 0, i, ${t0}, ${hex('i', 64)},
       0, 0, 0, 1, 0, 0, 0, (i * 7919) % 100000, 0 FROM generate_series(1, ${s.datanets}) i`,
    `INSERT INTO ${TABLE.datanetVersion} (id, datanet_id, version, merkle_root, contribution_count, block_number, timestamp, tx_hash)
     SELECT i || '-1', i::text, 1, '0x', 0, i, ${t0}, '0x' FROM generate_series(1, ${s.datanets}) i`,
    `INSERT INTO ${TABLE.contribution} (id, index, datanet_id, contributor_id, content_hash, size, license, status, submitted_block, submitted_at, tx_hash,
       attribution_share_count, total_weight_ppm, total_rewards)
     SELECT i::text, i, (i % ${s.datanets} + 1)::text, ${hex('(i * 4) % ' + s.accounts + ' + 1')}, ${hex('i + 1000000000', 64)}, 100, 'MIT',
       CASE WHEN i % 5 = 4 THEN 'REJECTED' ELSE 'ACCEPTED' END, 100 + i / 50, ${t0} + (i || ' seconds')::interval, ${hex('i / 50 + 2000000000', 64)}, 0, 0, 0
     FROM generate_series(1, ${s.contributions}) i`,
    `INSERT INTO ${TABLE.model} (id, index, owner_id, name, kind, kind_code, base_model_id, artifact_hash, artifact_uri, training_config_hash, published,
       fee_per_inference, registered_block, registered_at, tx_hash, checkpoint_count, inference_count, total_fees)
     SELECT i::text, i, ${hex('(i * 50) % ' + s.accounts + ' + 1')}, 'model ' || i, CASE WHEN i % 4 = 1 THEN 'BASE' ELSE 'FINETUNE' END, 0,
       CASE WHEN i % 4 = 1 THEN NULL ELSE (i - 1)::text END, ${hex('i + 3000000000', 64)}, 'ipfs://m', '0x', true, 1e16, i, ${t0}, ${hex('i + 4000000000', 64)}, 2, 0, 0
     FROM generate_series(1, ${s.models}) i`,
    `INSERT INTO ${TABLE.modelTrainedOn} (id, model_id, datanet_id, datanet_version_id, version, block_number, timestamp, tx_hash)
     SELECT m || '-' || d || '-1', m::text, d::text, d || '-1', 1, m, ${t0}, '0x'
     FROM generate_series(1, ${s.models}) m, LATERAL (VALUES (m % ${s.datanets} + 1), ((m * 7) % ${s.datanets} + 1)) v(d) ON CONFLICT DO NOTHING`,
    `INSERT INTO ${TABLE.checkpoint} (id, model_id, step, checkpoint_hash, learning_rate, block_number, timestamp, tx_hash, log_index)
     SELECT m || '-' || k, m::text, k, ${hex('m * 10 + k + 5000000000', 64)}, 1e16, m, ${t0}, '0x', k FROM generate_series(1, ${s.models}) m, generate_series(1, 2) k`,
    `INSERT INTO ${TABLE.computeProvider} (id, account_id, endpoint_uri, registered_stake, registered_block, registered_at, updated_at, inference_count, attestation_count)
     SELECT ${hex('i * 100 + 1')}, ${hex('i * 100 + 1')}, 'https://p', 0, 1, ${t0}, ${t0}, 0, 0 FROM generate_series(0, ${Math.floor(s.accounts / 100) - 1}) i`,
    `INSERT INTO ${TABLE.inference} (id, index, model_id, user_id, provider_id, input_hash, output_hash, fee, block_number, timestamp, tx_hash, log_index)
     SELECT i::text, i, (i % ${s.models} + 1)::text, ${hex('(i * 13) % ' + s.accounts + ' + 1')}, ${hex('(i % ' + Math.floor(s.accounts / 100) + ') * 100 + 1')},
       '0x', '0x', 1e16, 10000 + i / 20, ${t0} + (i * 30 || ' seconds')::interval, ${hex('i + 6000000000', 64)}, 0
     FROM generate_series(1, ${s.inferences}) i`,
    `INSERT INTO ${TABLE.feeSplit} (id, inference_id, protocol, model_owner, provider, stakers, contributors, block_number, timestamp, tx_hash, log_index)
     SELECT 'fs' || i, i::text, 1e15, 3e15, 1e15, 1e15, 4e15, 10000 + i / 20, ${t0} + (i * 30 || ' seconds')::interval, '0x', 1 FROM generate_series(1, ${s.inferences}) i`,
    `INSERT INTO ${TABLE.attribution} (id, index, inference_id, model_id, poster_id, method, params_hash, result_hash, result_uri, status, share_count,
       total_weight_ppm, settled, dispute_count, block_number, timestamp, tx_hash, log_index)
     SELECT i::text, i, (i * 2)::text, ((i * 2) % ${s.models} + 1)::text, ${hex('(i % 20) * 20 + 2')}, 'knn-shapley@1', '0x', '0x', 'ipfs://r',
       'SETTLED', ${s.sharesPerAttribution}, 1000000, true, 0, 20000 + i / 20, ${t0} + (i * 60 || ' seconds')::interval, ${hex('i + 7000000000', 64)}, 0
     FROM generate_series(1, ${attributions}) i`,
    `INSERT INTO ${TABLE.attributionShare} (id, attribution_id, contribution_id, datanet_id, contributor_id, rank, weight_ppm, score, reward, block_number, timestamp, log_index)
     SELECT a || '-' || c, a::text, c::text, (c % ${s.datanets} + 1)::text, ${hex('(c * 4) % ' + s.accounts + ' + 1')}, k, 1000000 / ${s.sharesPerAttribution},
       1e17, 5e14, 20000 + a / 20, ${t0}, k
     FROM generate_series(1, ${attributions}) a, generate_series(0, ${s.sharesPerAttribution - 1}) k,
       LATERAL (SELECT ((a::bigint * 7919 + k * 104729) % ${s.contributions}) + 1 AS c) x ON CONFLICT DO NOTHING`,
    `INSERT INTO ${TABLE.rewardAccrual} (id, account_id, inference_id, role, role_code, amount, block_number, timestamp, tx_hash, log_index)
     SELECT 'rc' || s.id, s.contributor_id, a.inference_id, 'CONTRIBUTOR', 0, s.reward, s.block_number, s.timestamp, '0x', 0
     FROM ${TABLE.attributionShare} s JOIN ${TABLE.attribution} a ON a.id = s.attribution_id`,
    `INSERT INTO ${TABLE.rewardAccrual} (id, account_id, inference_id, role, role_code, amount, block_number, timestamp, tx_hash, log_index)
     SELECT 'ro' || i.id, m.owner_id, i.id, 'MODEL_OWNER', 1, 3e15, i.block_number, i.timestamp, '0x', 1 FROM ${TABLE.inference} i JOIN ${TABLE.model} m ON m.id = i.model_id`,
    `INSERT INTO ${TABLE.globalStat} (id, accounts, datanets, contributions, models, inferences, attributions, disputes, total_fees, total_rewards_accrued,
       total_rewards_claimed, total_staked, total_slashed, events, malformed_events)
     VALUES ('global', ${s.accounts}, ${s.datanets}, ${s.contributions}, ${s.models}, ${s.inferences}, ${attributions}, 0, 0, 0, 0, 0, 0, 0, 0)`,
    'ANALYZE',
  ];
  for (const sql of stmts) await pool.query(sql);
  const counts: Record<string, number> = {};
  for (const t of ['contribution', 'inference', 'attribution', 'attribution_share', 'reward_accrual']) {
    counts[t] = Number((await pool.query(`SELECT count(*) AS n FROM ${t}`)).rows[0].n);
  }
  return counts;
}
