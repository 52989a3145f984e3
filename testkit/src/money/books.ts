import { RewardRole } from '@ae/contracts';
import type { ContractName } from '@ae/core';
import type { Address, PublicClient } from 'viem';
import { readViews } from './readViews.js';

const ROLE_FIELD: Record<number, string> = {
  [RewardRole.CONTRIBUTOR]: 'earnedAsContributor',
  [RewardRole.MODEL_OWNER]: 'earnedAsModelOwner',
  [RewardRole.PROVIDER]: 'earnedAsProvider',
  [RewardRole.STAKER]: 'earnedAsStaker',
  [RewardRole.PROTOCOL]: 'earnedAsProtocol',
};
const NOT_REWARD: Record<string, string> = {
  SLASHED_STAKE: 'receivedSlashedStake',
  BOND_FORFEITED: 'receivedForfeitedBonds',
};
/** credit category -> [daily metric, network total]; rewards are counted in REWARDS too (except harvests). */
const CREDIT: Record<string, [string, string, boolean]> = {
  FEE_PROTOCOL: ['FEE_PROTOCOL', 'totalFeeProtocol', true],
  FEE_MODEL_OWNER: ['FEE_MODEL_OWNER', 'totalFeeModelOwner', true],
  FEE_PROVIDER: ['FEE_PROVIDER', 'totalFeeProvider', true],
  CONTRIBUTOR_RELEASED: ['CONTRIBUTOR_REWARDS', 'totalEscrowReleased', true],
  ESCROW_LEFTOVER: ['ESCROW_LEFTOVER', 'totalEscrowLeftover', true],
  ESCROW_FORFEITED: ['ESCROW_FORFEITED', 'totalEscrowForfeited', true],
  STAKER_HARVESTED: ['STAKER_HARVESTED', 'totalStakerHarvested', false],
};
const DAILY_TOTAL: Record<string, string> = {
  FEES: 'totalFees',
  CLAIMS: 'totalRewardsClaimed',
  SLASHED: 'totalSlashed',
  UNSTAKED: 'totalUnstaked',
  BONDS_POSTED: 'totalBondsPosted',
  BONDS_REFUNDED: 'totalBondsRefunded',
  BONDS_FORFEITED: 'totalBondsForfeited',
  STAKER_REWARDS: 'totalStakerRewards',
  ESCROWED: 'totalEscrowed',
  REWARDS: 'totalRewardsAccrued',
  TREASURY_RECEIVED: 'treasuryReceived',
  TREASURY_GRANTS: 'treasuryGrants',
};

/** The running books of buildChainLedger: network totals, daily series, accounts, datanets, balances. */
export class Books {
  readonly totals: Record<string, bigint> = {};
  /** metric -> day -> wei */
  readonly daily = new Map<string, Map<string, bigint>>();
  readonly accounts = new Map<string, Record<string, bigint>>();
  readonly datanetRewards = new Map<string, bigint>();
  readonly chainBalance = {} as Record<ContractName, bigint>;
  readonly datanetOf = new Map<bigint, string>();
  readonly inferenceOf = new Map<bigint, bigint>();
  private readonly shares = new Map<bigint, Array<[bigint, number]>>();
  private readonly bonds = new Map<bigint, bigint>();
  private readonly releasedByInference = new Map<bigint, bigint>();

  constructor(private readonly contracts: Record<ContractName, Address>) {}

  add(day: string, metric: string, v: bigint): void {
    const m = this.daily.get(metric) ?? new Map<string, bigint>();
    this.daily.set(metric, m);
    m.set(day, (m.get(day) ?? 0n) + v);
    const t = DAILY_TOTAL[metric];
    if (t) this.totals[t] = (this.totals[t] ?? 0n) + v;
  }

  total(name: string, v: bigint): void {
    this.totals[name] = (this.totals[name] ?? 0n) + v;
  }

  account(a: string): Record<string, bigint> {
    const k = a.toLowerCase();
    let r = this.accounts.get(k);
    if (!r) {
      r = Object.fromEntries(
        [...Object.values(ROLE_FIELD), ...Object.values(NOT_REWARD), 'totalEarned', 'totalCredited']
          .concat(['totalClaimed', 'feesPaid', 'totalSlashed'])
          .map((f) => [f, 0n]),
      );
      this.accounts.set(k, r);
    }
    return r;
  }

  fee(day: string, user: string, fee: bigint): void {
    this.add(day, 'FEES', fee);
    this.account(user).feesPaid += fee;
  }

  feeSplit(day: string, s: Record<string, bigint>): void {
    this.add(day, 'STAKER_REWARDS', s.stakers);
    this.add(day, 'REWARDS', s.stakers);
    this.add(day, 'ESCROWED', s.contributors);
  }

  credit(day: string, account: string, category: string, role: number, amount: bigint): void {
    const acc = this.account(account);
    acc.totalCredited += amount;
    const other = NOT_REWARD[category];
    if (other) acc[other] += amount;
    else {
      acc.totalEarned += amount;
      acc[ROLE_FIELD[role]] += amount;
    }
    const c = CREDIT[category];
    if (!c) return;
    this.add(day, c[0], amount);
    this.total(c[1], amount);
    if (c[2]) this.add(day, 'REWARDS', amount);
  }

  claim(day: string, account: string, amount: bigint): void {
    this.add(day, 'CLAIMS', amount);
    this.account(account).totalClaimed += amount;
  }

  bondPosted(day: string, disputeId: bigint, bond: bigint): void {
    this.bonds.set(disputeId, bond);
    this.add(day, 'BONDS_POSTED', bond);
  }

  bondResolved(day: string, disputeId: bigint, upheld: boolean): void {
    this.add(day, upheld ? 'BONDS_REFUNDED' : 'BONDS_FORFEITED', this.bonds.get(disputeId) ?? 0n);
  }

  share(attributionId: bigint, contributionId: bigint, weightPpm: number): void {
    this.shares.set(attributionId, [...(this.shares.get(attributionId) ?? []), [contributionId, weightPpm]]);
  }

  released(inferenceId: bigint, amount: bigint): void {
    this.releasedByInference.set(inferenceId, (this.releasedByInference.get(inferenceId) ?? 0n) + amount);
  }

  /** A paid settlement: each share's datanet earns amount x weight / 1e6 (RewardDistributor.releaseEscrow). */
  settledPaid(attributionId: bigint, amount: bigint): void {
    for (const [cid, w] of this.shares.get(attributionId) ?? []) {
      const d = this.datanetOf.get(cid) ?? '?';
      this.datanetRewards.set(d, (this.datanetRewards.get(d) ?? 0n) + (amount * BigInt(w)) / 1_000_000n);
    }
  }

  /** Per account, the contracts' own views (see readViews.ts). */
  readViews(client: PublicClient, blockNumber: bigint): Promise<void> {
    return readViews(this, this.contracts, client, blockNumber);
  }
}
