import type { RewardRole } from './truth.js';

const ACC = 10n ** 18n;
const BPS = 10_000n;
const PPM = 1_000_000n;

export interface Split {
  protocolBps: bigint;
  modelOwnerBps: bigint;
  providerBps: bigint;
  stakersBps: bigint;
  contributorsBps: bigint;
}

/**
 * The scenario's own book of what its transactions must do to the money and the event log, written from
 * the protocol's rules (fee split in bps, the stakers' reward-per-share accumulator, escrow released by ppm
 * weight, slashes and bonds). The truth file's expected totals come from here, not from reading the chain
 * back, so the test that compares them with the chain can fail.
 */
export class Ledger {
  readonly events: Record<string, number> = {};
  readonly paid: Record<RewardRole, bigint> = {
    CONTRIBUTOR: 0n,
    MODEL_OWNER: 0n,
    PROVIDER: 0n,
    STAKER: 0n,
    PROTOCOL: 0n,
  };
  readonly accrued = new Map<string, bigint>();
  readonly claimed = new Map<string, bigint>();
  totalFees = 0n;
  totalSlashed = 0n;
  private readonly stake = new Map<string, bigint>();
  private readonly pending = new Map<string, bigint>();
  private readonly debt = new Map<string, bigint>();
  private readonly escrow = new Map<bigint, bigint>();
  private readonly delegates = new Map<string, string>();
  private totalStaked = 0n;
  private accPerShare = 0n;

  constructor(
    private split: Split,
    private readonly treasury: string,
  ) {}

  emit(name: string, n = 1): void {
    this.events[name] = (this.events[name] ?? 0) + n;
  }

  stakeOf(a: string): bigint {
    return this.stake.get(key(a)) ?? 0n;
  }

  doStake(account: string, amount: bigint): void {
    const a = key(account);
    this.harvestInner(a);
    const next = this.stakeOf(a) + amount;
    this.stake.set(a, next);
    this.totalStaked += amount;
    this.debt.set(a, (next * this.accPerShare) / ACC);
    this.votesMoved(a, amount);
    this.emit('Staked');
  }

  requestUnstake(account: string, amount: bigint): void {
    const a = key(account);
    this.harvestInner(a);
    const left = this.stakeOf(a) - amount;
    this.stake.set(a, left);
    this.totalStaked -= amount;
    this.debt.set(a, (left * this.accPerShare) / ACC);
    this.pending.set(a, (this.pending.get(a) ?? 0n) + amount);
    this.votesMoved(a, amount);
    this.emit('UnstakeRequested');
  }

  withdraw(account: string): bigint {
    const a = key(account);
    const amount = this.pending.get(a) ?? 0n;
    this.pending.delete(a);
    this.emit('Unstaked');
    return amount;
  }

  harvest(account: string): void {
    const a = key(account);
    this.harvestInner(a);
    this.debt.set(a, (this.stakeOf(a) * this.accPerShare) / ACC);
  }

  slash(account: string, amount: bigint): bigint {
    const a = key(account);
    this.harvestInner(a);
    const active = this.stakeOf(a);
    const fromActive = amount < active ? amount : active;
    this.stake.set(a, active - fromActive);
    this.totalStaked -= fromActive;
    this.debt.set(a, ((active - fromActive) * this.accPerShare) / ACC);
    this.votesMoved(a, fromActive);
    const rest = amount - fromActive;
    let fromPending = 0n;
    if (rest > 0n) {
      const p = this.pending.get(a) ?? 0n;
      fromPending = rest < p ? rest : p;
      this.pending.set(a, p - fromPending);
    }
    const slashed = fromActive + fromPending;
    this.emit('Slashed');
    this.totalSlashed += slashed;
    if (slashed > 0n) this.accrue(this.treasury, 'PROTOCOL', slashed, false);
    return slashed;
  }

  /** Staking.delegate: DelegateChanged, and the votes moving from the old delegate to the new one. */
  delegate(account: string, to: string): void {
    const a = key(account);
    const old = this.delegates.get(a);
    this.delegates.set(a, key(to));
    this.emit('DelegateChanged');
    if (old !== key(to) && this.stakeOf(a) > 0n) this.emit('DelegateVotesChanged', old ? 2 : 1);
  }

  get currentSplit(): Split {
    return this.split;
  }

  /** A governance proposal changed the fee split: later inferences split by the new one. */
  setSplit(split: Split): void {
    this.split = split;
    this.emit('SplitParametersChanged');
  }

  /** Stake of a delegating account changed: its delegate's votes move (one DelegateVotesChanged). */
  private votesMoved(a: string, amount: bigint): void {
    if (amount > 0n && this.delegates.has(a)) this.emit('DelegateVotesChanged');
  }

  /** One InferenceLedger item: InferenceRecorded, FeeSplit, the immediate accruals, the escrow. */
  inference(inferenceId: bigint, fee: bigint, modelOwner: string, provider: string): void {
    this.totalFees += fee;
    this.emit('InferenceRecorded');
    const s = this.split;
    const toOwner = (fee * s.modelOwnerBps) / BPS;
    const toProvider = (fee * s.providerBps) / BPS;
    const toStakers = this.totalStaked === 0n ? 0n : (fee * s.stakersBps) / BPS;
    const toContributors = (fee * s.contributorsBps) / BPS;
    const toProtocol = fee - toOwner - toProvider - toStakers - toContributors;
    this.emit('FeeSplit');
    this.accrue(this.treasury, 'PROTOCOL', toProtocol);
    this.accrue(modelOwner, 'MODEL_OWNER', toOwner);
    this.accrue(provider, 'PROVIDER', toProvider);
    if (toStakers > 0n) this.accPerShare += (toStakers * ACC) / this.totalStaked;
    if (toContributors > 0n) this.escrow.set(inferenceId, toContributors);
  }

  /** settle(): the escrow to the contributors by weight, the rest to the protocol. */
  settle(inferenceId: bigint, contributors: readonly string[], weightsPpm: readonly number[]): bigint {
    const amount = this.escrow.get(inferenceId) ?? 0n;
    this.escrow.delete(inferenceId);
    let paid = 0n;
    contributors.forEach((c, i) => {
      const share = (amount * BigInt(weightsPpm[i])) / PPM;
      paid += share;
      this.accrue(c, 'CONTRIBUTOR', share);
    });
    this.accrue(this.treasury, 'PROTOCOL', amount - paid);
    this.emit('AttributionSettled');
    return amount;
  }

  disputeRejected(bond: bigint): void {
    this.emit('DisputeResolved');
    this.accrue(this.treasury, 'PROTOCOL', bond, false);
  }

  /** An upheld dispute: slash the poster, forfeit the escrow (AttributionSettled paid=false). */
  disputeUpheld(inferenceId: bigint, poster: string, slashAmount: bigint): void {
    const slashed = this.slash(poster, slashAmount);
    void slashed;
    this.emit('DisputeResolved');
    const amount = this.escrow.get(inferenceId) ?? 0n;
    this.escrow.delete(inferenceId);
    this.accrue(this.treasury, 'PROTOCOL', amount);
    this.emit('AttributionSettled');
  }

  /** claim(): what the account has accrued (0 means the call would revert: the caller must not send it). */
  claim(account: string): bigint {
    const a = key(account);
    const amount = this.accrued.get(a) ?? 0n;
    if (amount === 0n) return 0n;
    this.accrued.set(a, 0n);
    this.claimed.set(a, (this.claimed.get(a) ?? 0n) + amount);
    this.emit('RewardClaimed');
    return amount;
  }

  accruedOf(account: string): bigint {
    return this.accrued.get(key(account)) ?? 0n;
  }

  pendingRewardOf(account: string): bigint {
    const a = key(account);
    return (this.stakeOf(a) * this.accPerShare) / ACC - (this.debt.get(a) ?? 0n);
  }

  private harvestInner(a: string): void {
    const owed = (this.stakeOf(a) * this.accPerShare) / ACC - (this.debt.get(a) ?? 0n);
    if (owed > 0n) {
      this.debt.set(a, (this.debt.get(a) ?? 0n) + owed);
      this.accrue(a, 'STAKER', owed);
    }
  }

  /** reward = false: a slashed stake or forfeited bond, credited but not a reward (docs/accounting.md). */
  private accrue(account: string, role: RewardRole, amount: bigint, reward = true): void {
    if (amount === 0n) return;
    const a = key(account);
    this.accrued.set(a, (this.accrued.get(a) ?? 0n) + amount);
    if (reward) this.paid[role] += amount;
    this.emit('RewardAccrued');
  }
}

function key(a: string): string {
  return a.toLowerCase();
}
