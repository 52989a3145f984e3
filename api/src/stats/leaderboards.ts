import { TABLE } from '@ae/core/tables';
import type { Db } from '../db/db.js';
import type { Model } from '../entities/model/readModel.js';
import { selectColumns } from '../entities/sql/selectColumns.js';

const CONTRIBUTOR_ORDER: Record<string, string> = {
  REWARDS: 'earned_as_contributor',
  INFLUENCE: 'attribution_weight_ppm',
  CONTRIBUTIONS: 'contribution_count',
  REPUTATION: 'reputation',
};
const DATANET_ORDER: Record<string, string> = {
  INFLUENCE: 'influence_ppm',
  REWARDS: 'total_rewards',
  CONTRIBUTIONS: 'contribution_count',
};

/** Contributors ranked by the indexer's running totals (indexed columns, so this is a top-N index scan). */
export async function topContributors(db: Db, model: Model, limit: number, orderBy: string) {
  const col = CONTRIBUTOR_ORDER[orderBy] ?? 'earned_as_contributor';
  const e = model.entities.get('Account');
  if (!e) return [];
  const rows = await db.query<Record<string, unknown>>(
    `SELECT ${selectColumns(e, 't')} FROM ${TABLE.account} t WHERE t.is_contributor ORDER BY t.${col} DESC, t.id LIMIT $1`,
    [limit],
  );
  return rows.map((r, i) => ({
    rank: i + 1,
    account: r,
    rewards: r.earnedAsContributor,
    weightPpm: r.attributionWeightPpm,
    shareCount: r.attributionShareCount,
    contributionCount: r.contributionCount,
  }));
}

/** Datanets ranked by influence (summed attribution weight of their contributions), rewards or size. */
export async function topDatanets(db: Db, model: Model, limit: number, orderBy: string) {
  const col = DATANET_ORDER[orderBy] ?? 'influence_ppm';
  const e = model.entities.get('Datanet');
  if (!e) return [];
  const rows = await db.query<Record<string, unknown>>(
    `SELECT ${selectColumns(e, 't')} FROM ${TABLE.datanet} t ORDER BY t.${col} DESC, t.id LIMIT $1`,
    [limit],
  );
  return rows.map((r, i) => ({
    rank: i + 1,
    datanet: r,
    influencePpm: r.influencePpm,
    rewards: r.totalRewards,
    shareCount: r.attributionShareCount,
    contributionCount: r.contributionCount,
  }));
}
