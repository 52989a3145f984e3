import { StakeEvent, StakeEventKind, TokenTransfer, TransferKind } from '../model/generated/index.js';
import type { BatchState, EventPosition } from './batchState.js';
import { account, addr, daily, global } from './derived.js';
import type { PartialHandlers } from './types.js';

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
      stakeEvent(st, pos, {
        account: acc,
        kind: StakeEventKind.UNSTAKE_REQUEST,
        amount: a.amount,
        stakeAfter: acc.stake,
        availableAt: new Date(Number(a.availableAt) * 1000),
      });
      (await global(st)).totalStaked -= a.amount;
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
      return undefined;
    },
  },
};
