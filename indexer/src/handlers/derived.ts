import { Account, DailyStat, GlobalStat } from '../model/generated/index.js';
import type { BatchState, EventPosition } from './batchState.js';

/** Lowercase address: the Account id convention. */
export function addr(a: string): string {
  return a.toLowerCase();
}

let lastDay = { ms: Number.NaN, id: '' };

/** The UTC day of a time (`2026-11-23`); remembers the last answer, as every event of a block asks it. */
export function dayId(t: Date): string {
  const ms = t.getTime();
  if (ms !== lastDay.ms) lastDay = { ms, id: t.toISOString().slice(0, 10) };
  return lastDay.id;
}

/**
 * The account, created on first sight with every counter at zero. Marks it changed and active at pos:
 * every event that names an account changes at least its lastActive fields.
 */
export async function account(st: BatchState, address: string, pos: EventPosition): Promise<Account> {
  const id = addr(address);
  let a = await st.accounts.get(st.store, id);
  if (!a) {
    a = st.created(st.accounts, newAccount(id, pos));
    (await daily(st, pos)).newAccounts++;
    (await global(st)).accounts++;
  }
  a.lastActiveBlock = pos.blockNumber;
  a.lastActiveAt = pos.timestamp;
  return st.changed(st.accounts, a);
}

function newAccount(id: string, pos: EventPosition): Account {
  return new Account({
    id,
    firstSeenBlock: pos.blockNumber,
    firstSeenAt: pos.timestamp,
    isContributor: false,
    isCurator: false,
    isModelOwner: false,
    isProvider: false,
    isPoster: false,
    isStaker: false,
    isInferenceUser: false,
    totalEarned: 0n,
    earnedAsContributor: 0n,
    earnedAsModelOwner: 0n,
    earnedAsProvider: 0n,
    earnedAsStaker: 0n,
    earnedAsProtocol: 0n,
    receivedSlashedStake: 0n,
    receivedForfeitedBonds: 0n,
    totalCredited: 0n,
    totalClaimed: 0n,
    pendingRewards: 0n,
    stakerRewardDebt: 0n,
    stake: 0n,
    pendingUnstake: 0n,
    totalSlashed: 0n,
    feesPaid: 0n,
    inferenceCount: 0,
    datanetCount: 0,
    contributionCount: 0,
    acceptedContributionCount: 0,
    rejectedContributionCount: 0,
    modelCount: 0,
    attributionShareCount: 0,
    attributionWeightPpm: 0n,
    attributionsPosted: 0,
    disputesOpened: 0,
    disputesWon: 0,
    disputesLost: 0,
    postingsUpheldAgainst: 0,
    reputation: 0,
    lastActiveBlock: pos.blockNumber,
    lastActiveAt: pos.timestamp,
  });
}

/** Reputation from attribution history (documented on Account.reputation in schema.graphql). */
export function updateReputation(a: Account): void {
  a.reputation =
    a.acceptedContributionCount +
    a.attributionShareCount -
    a.rejectedContributionCount -
    10 * a.postingsUpheldAgainst +
    5 * a.disputesWon -
    5 * a.disputesLost;
}

export async function daily(st: BatchState, pos: EventPosition): Promise<DailyStat> {
  const id = dayId(pos.timestamp);
  let d = await st.daily.get(st.store, id);
  if (!d) {
    d = st.created(
      st.daily,
      new DailyStat({
        id,
        date: new Date(`${id}T00:00:00.000Z`),
        inferences: 0,
        fees: 0n,
        rewardsAccrued: 0n,
        feeProtocol: 0n,
        feeModelOwner: 0n,
        feeProvider: 0n,
        stakerRewards: 0n,
        stakerHarvested: 0n,
        escrowed: 0n,
        contributorRewards: 0n,
        escrowLeftover: 0n,
        escrowForfeited: 0n,
        bondsPosted: 0n,
        bondsRefunded: 0n,
        bondsForfeited: 0n,
        rewardsClaimed: 0n,
        newContributions: 0,
        newDatanets: 0,
        newModels: 0,
        attributions: 0,
        disputes: 0,
        staked: 0n,
        unstaked: 0n,
        slashed: 0n,
        newAccounts: 0,
        events: 0,
      }),
    );
  }
  return st.changed(st.daily, d);
}

export const GLOBAL_ID = 'global';

export async function global(st: BatchState): Promise<GlobalStat> {
  let g = await st.global.get(st.store, GLOBAL_ID);
  if (!g) {
    g = st.created(
      st.global,
      new GlobalStat({
        id: GLOBAL_ID,
        accounts: 0,
        datanets: 0,
        contributions: 0,
        models: 0,
        inferences: 0,
        attributions: 0,
        disputes: 0,
        totalFees: 0n,
        totalRewardsAccrued: 0n,
        totalFeeProtocol: 0n,
        totalFeeModelOwner: 0n,
        totalFeeProvider: 0n,
        totalStakerRewards: 0n,
        totalStakerHarvested: 0n,
        totalEscrowed: 0n,
        totalEscrowReleased: 0n,
        totalEscrowLeftover: 0n,
        totalEscrowForfeited: 0n,
        totalBondsPosted: 0n,
        totalBondsRefunded: 0n,
        totalBondsForfeited: 0n,
        totalRewardsClaimed: 0n,
        totalStaked: 0n,
        totalPendingUnstake: 0n,
        totalUnstaked: 0n,
        totalSlashed: 0n,
        accRewardPerShare: 0n,
        events: 0,
        malformedEvents: 0,
      }),
    );
  }
  return st.changed(st.global, g);
}
