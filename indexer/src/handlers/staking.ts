import {
  type Account,
  MoneyCategory,
  StakeEvent,
  StakeEventKind,
  TokenTransfer,
  TransferKind,
} from '../model/generated/index.js';
import type { BatchState, EventPosition } from './batchState.js';
import { account, addr, daily, global } from './derived.js';
import { ACC } from './moneyBooks.js';
import { noteCause } from './moneyContext.js';
import type { PartialHandlers } from './types.js';

/** The money category of each kind of native movement. */
const TRANSFER_CATEGORY: Record<TransferKind, MoneyCategory> = {
  [TransferKind.INFERENCE_FEE]: MoneyCategory.INFERENCE_FEE,
  [TransferKind.STAKE]: MoneyCategory.STAKE,
  [TransferKind.UNSTAKE]: MoneyCategory.UNSTAKE,
  [TransferKind.SLASH]: MoneyCategory.SLASHED_STAKE,
  [TransferKind.DISPUTE_BOND]: MoneyCategory.BOND_POSTED,
  [TransferKind.BOND_REFUND]: MoneyCategory.BOND_REFUNDED,
  [TransferKind.BOND_FORFEIT]: MoneyCategory.BOND_FORFEITED,
  [TransferKind.REWARD_CLAIM]: MoneyCategory.REWARD_CLAIMED,
  [TransferKind.STAKER_REWARDS]: MoneyCategory.FEE_STAKERS,
  [TransferKind.STAKER_HARVEST]: MoneyCategory.STAKER_HARVESTED,
};

/** Staking sets rewardDebt = stake x accRewardPerShare / 1e18 after every stake change and harvest. */
export async function syncStakerDebt(st: BatchState, acc: Account): Promise<void> {
  acc.stakerRewardDebt = (acc.stake * (await global(st)).accRewardPerShare) / ACC;
}

function stakeEvent(st: BatchState, pos: EventPosition, fields: Partial<StakeEvent>): void {
  st.inserted(
    st.inserts.stakeEvents,
    new StakeEvent({
      id: pos.id,
      availableAt: null,
      reason: null,
      slashedBy: null,
      blockNumber: pos.blockNumber,
      timestamp: pos.timestamp,
      txHash: pos.txHash,
      logIndex: pos.logIndex,
      ...fields,
    }),
  );
}

export function transfer(
  st: BatchState,
  pos: EventPosition,
  kind: TransferKind,
  from: string,
  to: string,
  amount: bigint,
  inference: TokenTransfer['inference'] = null,
): void {
  st.inserted(
    st.inserts.transfers,
    new TokenTransfer({
      id: pos.id,
      kind,
      category: TRANSFER_CATEGORY[kind],
      from: addr(from),
      to: addr(to),
      amount,
      inference,
      blockNumber: pos.blockNumber,
      timestamp: pos.timestamp,
      txHash: pos.txHash,
      logIndex: pos.logIndex,
    }),
  );
}

export const stakingHandlers: PartialHandlers<'Staked' | 'UnstakeRequested' | 'Unstaked' | 'Slashed'> = {
  Staked: {
    prefetch: (st, a) => st.accounts.want(addr(a.account)),
    async apply(st, pos, a, env) {
      const acc = await account(st, a.account, pos);
      acc.stake = a.totalStake;
      acc.isStaker = true;
      await syncStakerDebt(st, acc);
      stakeEvent(st, pos, {
        account: acc,
        kind: StakeEventKind.STAKE,
        amount: a.amount,
        stakeAfter: acc.stake,
      });
      transfer(st, pos, TransferKind.STAKE, a.account, env.contracts.Staking, a.amount);
      (await daily(st, pos)).staked += a.amount;
      (await global(st)).totalStaked += a.amount;
      return undefined;
    },
  },
  UnstakeRequested: {
    prefetch: (st, a) => st.accounts.want(addr(a.account)),
    async apply(st, pos, a) {
      const acc = await account(st, a.account, pos);
      acc.stake -= a.amount;
      acc.pendingUnstake += a.amount;
      await syncStakerDebt(st, acc);
      stakeEvent(st, pos, {
        account: acc,
        kind: StakeEventKind.UNSTAKE_REQUEST,
        amount: a.amount,
        stakeAfter: acc.stake,
        availableAt: new Date(Number(a.availableAt) * 1000),
      });
      const g = await global(st);
      g.totalStaked -= a.amount;
      g.totalPendingUnstake += a.amount;
      return undefined;
    },
  },
  Unstaked: {
    prefetch: (st, a) => st.accounts.want(addr(a.account)),
    async apply(st, pos, a, env) {
      const acc = await account(st, a.account, pos);
      acc.pendingUnstake -= a.amount;
      stakeEvent(st, pos, {
        account: acc,
        kind: StakeEventKind.UNSTAKE,
        amount: a.amount,
        stakeAfter: acc.stake,
      });
      transfer(st, pos, TransferKind.UNSTAKE, env.contracts.Staking, a.account, a.amount);
      (await daily(st, pos)).unstaked += a.amount;
      const g = await global(st);
      g.totalPendingUnstake -= a.amount;
      g.totalUnstaked += a.amount;
      return undefined;
    },
  },
  Slashed: {
    prefetch: (st, a) => st.accounts.want(addr(a.account)),
    async apply(st, pos, a, env) {
      const acc = await account(st, a.account, pos);
      // Staking takes from the active stake first, then from the pending unstake.
      const fromActive = a.amount < acc.stake ? a.amount : acc.stake;
      acc.stake -= fromActive;
      acc.pendingUnstake -= a.amount - fromActive;
      acc.totalSlashed += a.amount;
      await syncStakerDebt(st, acc);
      noteCause(st, pos, 'SLASHED');
      stakeEvent(st, pos, {
        account: acc,
        kind: StakeEventKind.SLASH,
        amount: a.amount,
        stakeAfter: acc.stake,
        reason: a.reason,
        slashedBy: addr(a.by),
      });
      if (a.amount > 0n)
        transfer(st, pos, TransferKind.SLASH, a.account, env.contracts.RewardDistributor, a.amount);
      (await daily(st, pos)).slashed += a.amount;
      const g = await global(st);
      g.totalSlashed += a.amount;
      g.totalStaked -= fromActive;
      g.totalPendingUnstake -= a.amount - fromActive;
      return undefined;
    },
  },
};
