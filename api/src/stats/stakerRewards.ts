import { TABLE } from '@ae/core/tables';
import type { Row } from '../entities/resolve/createLoaders.js';
import type { ApiContext } from '../server/context.js';

const ACC = 10n ** 18n;

/**
 * An account's staker rewards accrued but not yet harvested, wei: the indexer mirrors Staking's accumulator
 * (GlobalStat.accRewardPerShare, Account.stakerRewardDebt), so this is Staking.pendingReward(account) read
 * from the index. One statement per account (pages are small), read in the same snapshot as the rest of it.
 */
export async function stakerRewardsUnharvested(ctx: ApiContext, account: Row): Promise<string> {
  const [r] = await ctx.db.query<{ stake: string; debt: string; acc: string | null }>(
    `SELECT a.stake::text AS stake, a.staker_reward_debt::text AS debt, g.acc_reward_per_share::text AS acc
     FROM ${TABLE.account} a LEFT JOIN ${TABLE.globalStat} g ON g.id = 'global' WHERE a.id = $1`,
    [String(account.id)],
  );
  if (!r) return '0';
  return ((BigInt(r.stake) * BigInt(r.acc ?? '0')) / ACC - BigInt(r.debt)).toString();
}
