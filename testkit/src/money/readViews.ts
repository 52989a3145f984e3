import { rewardDistributorAbi, stakingAbi } from '@ae/contracts';
import type { ContractName } from '@ae/core';
import type { Address, PublicClient } from 'viem';
import type { Books } from './books.js';

/**
 * Reads, per account of the books, the contracts' own views at blockNumber: stake, cooling stake, claimable
 * credit (RewardDistributor.accrued), unharvested staker rewards (Staking.pendingReward); then the network's
 * active stake, the escrow still held and the cooling stake in total. Chain state, not the index.
 */
export async function readViews(
  b: Books,
  contracts: Record<ContractName, Address>,
  client: PublicClient,
  blockNumber: bigint,
): Promise<void> {
  const S = { address: contracts.Staking, abi: stakingAbi, blockNumber } as const;
  const R = { address: contracts.RewardDistributor, abi: rewardDistributorAbi, blockNumber } as const;
  for (const [a, acc] of b.accounts) {
    const args = [a as Address] as const;
    acc.stake = await client.readContract({ ...S, functionName: 'stakeOf', args });
    acc.pendingUnstake = (await client.readContract({ ...S, functionName: 'pendingUnstake', args }))[0];
    acc.pendingRewards = await client.readContract({ ...R, functionName: 'accrued', args });
    acc.stakerRewardsUnharvested = await client.readContract({ ...S, functionName: 'pendingReward', args });
  }
  const t = b.totals;
  t.totalStaked = await client.readContract({ ...S, functionName: 'totalStaked' });
  const z = (k: string) => t[k] ?? 0n;
  t.escrowHeld =
    z('totalEscrowed') - z('totalEscrowReleased') - z('totalEscrowLeftover') - z('totalEscrowForfeited');
  t.totalPendingUnstake = [...b.accounts.values()].reduce((s, x) => s + x.pendingUnstake, 0n);
}
