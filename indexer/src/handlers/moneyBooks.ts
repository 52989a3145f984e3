import type { Account, DailyStat, GlobalStat } from '../model/generated/index.js';
import { MoneyCategory } from '../model/generated/index.js';
import type { BatchState, EventPosition } from './batchState.js';
import { daily, global } from './derived.js';
import { REWARD_CATEGORIES } from './moneyContext.js';

type Bucket = { d?: keyof DailyStat; g?: keyof GlobalStat; reward: boolean };

/**
 * Where each credit category is booked in the day's and the network's totals. rewardsAccrued counts the
 * fee-derived categories once, when they reach an owner; the stakers' part is counted at the split
 * (FeeSplit), so its harvest is not counted again. Slashes and bonds are booked by their own events.
 */
const BUCKETS: Partial<Record<MoneyCategory, Bucket>> = {
  [MoneyCategory.FEE_PROTOCOL]: { d: 'feeProtocol', g: 'totalFeeProtocol', reward: true },
  [MoneyCategory.FEE_MODEL_OWNER]: { d: 'feeModelOwner', g: 'totalFeeModelOwner', reward: true },
  [MoneyCategory.FEE_PROVIDER]: { d: 'feeProvider', g: 'totalFeeProvider', reward: true },
  [MoneyCategory.CONTRIBUTOR_RELEASED]: { d: 'contributorRewards', g: 'totalEscrowReleased', reward: true },
  [MoneyCategory.ESCROW_LEFTOVER]: { d: 'escrowLeftover', g: 'totalEscrowLeftover', reward: true },
  [MoneyCategory.ESCROW_FORFEITED]: { d: 'escrowForfeited', g: 'totalEscrowForfeited', reward: true },
  [MoneyCategory.STAKER_HARVESTED]: { d: 'stakerHarvested', g: 'totalStakerHarvested', reward: false },
};

/**
 * Books one RewardDistributor credit: the account's balances (every credit is claimable, so pending grows by
 * all of it) and, by category, its earnings or its non-reward income, plus the day's and network's totals.
 * Returns whether the credit is a reward of the account (its role's earnedAs* field then grows).
 */
export async function bookCredit(
  st: BatchState,
  pos: EventPosition,
  acc: Account,
  category: MoneyCategory,
  amount: bigint,
): Promise<boolean> {
  acc.totalCredited += amount;
  acc.pendingRewards += amount;
  const isReward = REWARD_CATEGORIES.has(category);
  if (isReward) acc.totalEarned += amount;
  else if (category === MoneyCategory.SLASHED_STAKE) acc.receivedSlashedStake += amount;
  else if (category === MoneyCategory.BOND_FORFEITED) acc.receivedForfeitedBonds += amount;
  const b = BUCKETS[category];
  if (b) {
    const d = await daily(st, pos);
    const g = await global(st);
    if (b.d) (d[b.d] as bigint) += amount;
    if (b.g) (g[b.g] as bigint) += amount;
    if (b.reward) {
      d.rewardsAccrued += amount;
      g.totalRewardsAccrued += amount;
    }
  }
  return isReward;
}

/** Books a fee split's stakers' part (a reward at the split) and contributors' part (escrowed). */
export async function bookFeeSplit(
  st: BatchState,
  pos: EventPosition,
  stakers: bigint,
  contributors: bigint,
): Promise<void> {
  const d = await daily(st, pos);
  const g = await global(st);
  d.stakerRewards += stakers;
  d.rewardsAccrued += stakers;
  d.escrowed += contributors;
  g.totalStakerRewards += stakers;
  g.totalRewardsAccrued += stakers;
  g.totalEscrowed += contributors;
  // Staking.distribute: accRewardPerShare += value x 1e18 / totalStaked
  if (stakers > 0n && g.totalStaked > 0n) g.accRewardPerShare += (stakers * ACC) / g.totalStaked;
}

export const ACC = 10n ** 18n;
