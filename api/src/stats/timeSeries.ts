import { TABLE } from '@ae/core/tables';
import type { Db } from '../db/db.js';
import { weiToOpen } from '../lineage/lineage.js';

const METRICS: Record<string, { column: string; amount: boolean }> = {
  INFERENCES: { column: 'inferences', amount: false },
  FEES: { column: 'fees', amount: true },
  REWARDS: { column: 'rewards_accrued', amount: true },
  CONTRIBUTOR_REWARDS: { column: 'contributor_rewards', amount: true },
  CLAIMS: { column: 'rewards_claimed', amount: true },
  FEE_PROTOCOL: { column: 'fee_protocol', amount: true },
  FEE_MODEL_OWNER: { column: 'fee_model_owner', amount: true },
  FEE_PROVIDER: { column: 'fee_provider', amount: true },
  STAKER_REWARDS: { column: 'staker_rewards', amount: true },
  STAKER_HARVESTED: { column: 'staker_harvested', amount: true },
  ESCROWED: { column: 'escrowed', amount: true },
  ESCROW_LEFTOVER: { column: 'escrow_leftover', amount: true },
  ESCROW_FORFEITED: { column: 'escrow_forfeited', amount: true },
  BONDS_POSTED: { column: 'bonds_posted', amount: true },
  BONDS_REFUNDED: { column: 'bonds_refunded', amount: true },
  BONDS_FORFEITED: { column: 'bonds_forfeited', amount: true },
  UNSTAKED: { column: 'unstaked', amount: true },
  NEW_CONTRIBUTIONS: { column: 'new_contributions', amount: false },
  NEW_DATANETS: { column: 'new_datanets', amount: false },
  NEW_MODELS: { column: 'new_models', amount: false },
  ATTRIBUTIONS: { column: 'attributions', amount: false },
  DISPUTES: { column: 'disputes', amount: false },
  STAKED: { column: 'staked', amount: true },
  SLASHED: { column: 'slashed', amount: true },
  NEW_ACCOUNTS: { column: 'new_accounts', amount: false },
  EVENTS: { column: 'events', amount: false },
};

/** A daily series from the indexer's DailyStat rows (the column comes from a fixed map, never from the request). */
export async function timeSeries(db: Db, a: { metric: string; from?: string | null; to?: string | null }) {
  const m = METRICS[a.metric];
  if (!m) throw new Error(`unknown metric ${a.metric}`);
  const rows = await db.query<{ t: Date; v: string | number }>(
    `SELECT date AS t, ${m.column}::text AS v FROM ${TABLE.dailyStat}
     WHERE ($1::timestamptz IS NULL OR date >= $1) AND ($2::timestamptz IS NULL OR date < $2) ORDER BY date LIMIT 10000`,
    [a.from ?? null, a.to ?? null],
  );
  return rows.map((r) => ({
    t: r.t,
    value: m.amount ? weiToOpen(String(r.v)) : Number(r.v),
    amount: String(r.v),
  }));
}
