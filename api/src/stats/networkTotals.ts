import { TABLE } from '@ae/core/tables';
import type { Db } from '../db/db.js';

/** Per-category network totals (wei), GraphQL field -> global_stat column. See docs/accounting.md. */
export const MONEY: ReadonlyArray<readonly [string, string]> = [
  ['totalFeeProtocol', 'total_fee_protocol'],
  ['totalFeeModelOwner', 'total_fee_model_owner'],
  ['totalFeeProvider', 'total_fee_provider'],
  ['totalStakerRewards', 'total_staker_rewards'],
  ['totalStakerHarvested', 'total_staker_harvested'],
  ['totalEscrowed', 'total_escrowed'],
  ['totalEscrowReleased', 'total_escrow_released'],
  ['totalEscrowLeftover', 'total_escrow_leftover'],
  ['totalEscrowForfeited', 'total_escrow_forfeited'],
  ['totalBondsPosted', 'total_bonds_posted'],
  ['totalBondsRefunded', 'total_bonds_refunded'],
  ['totalBondsForfeited', 'total_bonds_forfeited'],
  ['totalPendingUnstake', 'total_pending_unstake'],
  ['totalUnstaked', 'total_unstaked'],
];

const SQL = `
WITH latest AS (
  SELECT DISTINCT ON (attribution_id) verdict FROM ${TABLE.attributionVerdict} ORDER BY attribution_id, replayed_at DESC
)
SELECT g.accounts, g.datanets, g.contributions, g.models, g.inferences, g.attributions, g.disputes, g.events,
       g.total_fees::text AS "totalFees", g.total_rewards_accrued::text AS "totalRewardsAccrued",
       g.total_rewards_claimed::text AS "totalRewardsClaimed", g.total_staked::text AS "totalStaked",
       g.total_slashed::text AS "totalSlashed",
       ${MONEY.map(([f, c]) => `g.${c}::text AS "${f}"`).join(', ')},
       (SELECT count(*) FROM ${TABLE.dispute} WHERE status = 'OPEN')::int AS "openDisputes",
       (SELECT count(*) FROM latest WHERE verdict = 'VERIFIED')::int AS verified,
       (SELECT count(*) FROM latest WHERE verdict = 'MISMATCH')::int AS mismatched,
       (SELECT count(*) FROM latest WHERE verdict = 'UNVERIFIABLE')::int AS unverifiable,
       (SELECT count(*) FROM ${TABLE.apiAttributionFlag})::int AS flags
FROM (SELECT 1) one LEFT JOIN ${TABLE.globalStat} g ON g.id = 'global'`;

/**
 * Whole-network totals: the indexer's GlobalStat row plus verdict, open-dispute and flag counts. Every amount
 * is wei of one MoneyCategory; totalFees = fee parts + totalStakerRewards + totalEscrowed, and
 * totalRewardsAccrued = totalFees - escrowHeld (slashes and bonds are never rewards).
 */
export async function networkTotals(db: Db) {
  const [r] = await db.query<Record<string, unknown>>(SQL);
  const n = (k: string) => Number(r?.[k] ?? 0);
  const s = (k: string) => String(r?.[k] ?? '0');
  return {
    accounts: n('accounts'),
    datanets: n('datanets'),
    contributions: n('contributions'),
    models: n('models'),
    inferences: n('inferences'),
    attributions: n('attributions'),
    disputes: n('disputes'),
    events: n('events'),
    openDisputes: n('openDisputes'),
    totalFees: s('totalFees'),
    totalRewardsAccrued: s('totalRewardsAccrued'),
    totalRewardsClaimed: s('totalRewardsClaimed'),
    totalStaked: s('totalStaked'),
    totalSlashed: s('totalSlashed'),
    ...Object.fromEntries(MONEY.map(([f]) => [f, s(f)])),
    escrowHeld: (
      BigInt(s('totalEscrowed')) -
      BigInt(s('totalEscrowReleased')) -
      BigInt(s('totalEscrowLeftover')) -
      BigInt(s('totalEscrowForfeited'))
    ).toString(),
    verified: n('verified'),
    mismatched: n('mismatched'),
    unverifiable: n('unverifiable'),
    flags: n('flags'),
  };
}
