import { RewardRole as Role } from '@ae/contracts';
import type { Account } from '../model/generated/index.js';
import {
  MoneyCategory,
  RewardAccrual,
  RewardClaim,
  RewardRole,
  SplitParameters,
  TransferKind,
} from '../model/generated/index.js';
import { account, addr, daily, global } from './derived.js';
import { bookCredit } from './moneyBooks.js';
import { creditCategory } from './moneyContext.js';
import { syncStakerDebt, transfer } from './staking.js';
import { type PartialHandlers, sid } from './types.js';

const ROLE = new Map<number, [RewardRole, keyof Account | undefined]>([
  [Role.CONTRIBUTOR, [RewardRole.CONTRIBUTOR, 'earnedAsContributor']],
  [Role.MODEL_OWNER, [RewardRole.MODEL_OWNER, 'earnedAsModelOwner']],
  [Role.PROVIDER, [RewardRole.PROVIDER, 'earnedAsProvider']],
  [Role.STAKER, [RewardRole.STAKER, 'earnedAsStaker']],
  [Role.PROTOCOL, [RewardRole.PROTOCOL, 'earnedAsProtocol']],
]);

export const rewardHandlers: PartialHandlers<'RewardAccrued' | 'RewardClaimed' | 'SplitParametersChanged'> = {
  RewardAccrued: {
    prefetch(st, a) {
      st.accounts.want(addr(a.account));
      if (a.inferenceId !== 0n) st.inferences.want(sid(a.inferenceId));
    },
    async apply(st, pos, a, env) {
      let inference = null;
      if (a.inferenceId !== 0n) {
        inference = (await st.inferences.get(st.store, sid(a.inferenceId))) ?? null;
        if (!inference) return `unknown inference ${a.inferenceId}`;
      }
      const acc = await account(st, a.account, pos);
      const [role, field] = ROLE.get(a.role) ?? [RewardRole.UNKNOWN, undefined];
      const category = creditCategory(st, pos, a.role);
      const isReward = await bookCredit(st, pos, acc, category, a.amount);
      if (field && isReward) (acc[field] as bigint) += a.amount;
      if (category === MoneyCategory.STAKER_HARVESTED) {
        // Staking._harvest: rewardDebt += owed, i.e. stake x acc / 1e18 for the stake before the change
        await syncStakerDebt(st, acc);
        transfer(
          st,
          pos,
          TransferKind.STAKER_HARVEST,
          env.contracts.Staking,
          env.contracts.RewardDistributor,
          a.amount,
        );
      }
      st.inserted(
        st.inserts.accruals,
        new RewardAccrual({
          id: pos.id,
          account: acc,
          inference,
          role,
          roleCode: a.role,
          category,
          amount: a.amount,
          blockNumber: pos.blockNumber,
          timestamp: pos.timestamp,
          txHash: pos.txHash,
          logIndex: pos.logIndex,
        }),
      );
      return undefined;
    },
  },
  RewardClaimed: {
    prefetch: (st, a) => st.accounts.want(addr(a.account)),
    async apply(st, pos, a, env) {
      const acc = await account(st, a.account, pos);
      acc.totalClaimed += a.amount;
      acc.pendingRewards -= a.amount;
      st.inserted(
        st.inserts.claims,
        new RewardClaim({
          id: pos.id,
          account: acc,
          amount: a.amount,
          blockNumber: pos.blockNumber,
          timestamp: pos.timestamp,
          txHash: pos.txHash,
          logIndex: pos.logIndex,
        }),
      );
      transfer(st, pos, TransferKind.REWARD_CLAIM, env.contracts.RewardDistributor, a.account, a.amount);
      (await daily(st, pos)).rewardsClaimed += a.amount;
      (await global(st)).totalRewardsClaimed += a.amount;
      return undefined;
    },
  },
  SplitParametersChanged: {
    prefetch() {},
    async apply(st, pos, a) {
      st.inserted(
        st.inserts.splitParameters,
        new SplitParameters({
          id: pos.id,
          protocolBps: a.protocolBps,
          modelOwnerBps: a.modelOwnerBps,
          providerBps: a.providerBps,
          stakersBps: a.stakersBps,
          contributorsBps: a.contributorsBps,
          blockNumber: pos.blockNumber,
          timestamp: pos.timestamp,
          txHash: pos.txHash,
          logIndex: pos.logIndex,
        }),
      );
      return undefined;
    },
  },
};
