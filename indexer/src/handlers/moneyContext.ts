import { RewardRole as Role } from '@ae/contracts';
import { MoneyCategory } from '../model/generated/index.js';
import type { BatchState, EventPosition } from './batchState.js';

/** The money event that came last in the current transaction (what a following protocol credit is for). */
export type MoneyCause =
  | 'FEE_SPLIT'
  | 'SLASHED'
  | 'BOND_FORFEITED'
  | 'ESCROW_FORFEITED'
  | 'CONTRIBUTOR_CREDIT'
  | 'SETTLED'
  | 'CONSUMED';

const last = new WeakMap<BatchState, { txHash: string; cause: MoneyCause }>();

/** Records what the transaction just did; RewardAccrued(PROTOCOL) reads it to learn what it credits. */
export function noteCause(st: BatchState, pos: EventPosition, cause: MoneyCause): void {
  last.set(st, { txHash: pos.txHash, cause });
}

const BY_ROLE = new Map<number, MoneyCategory>([
  [Role.CONTRIBUTOR, MoneyCategory.CONTRIBUTOR_RELEASED],
  [Role.MODEL_OWNER, MoneyCategory.FEE_MODEL_OWNER],
  [Role.PROVIDER, MoneyCategory.FEE_PROVIDER],
  [Role.STAKER, MoneyCategory.STAKER_HARVESTED],
]);

const PROTOCOL_BY_CAUSE: Partial<Record<MoneyCause, MoneyCategory>> = {
  FEE_SPLIT: MoneyCategory.FEE_PROTOCOL,
  SLASHED: MoneyCategory.SLASHED_STAKE,
  BOND_FORFEITED: MoneyCategory.BOND_FORFEITED,
  ESCROW_FORFEITED: MoneyCategory.ESCROW_FORFEITED,
};

/**
 * The category of one RewardAccrued. The chain credits the treasury with role PROTOCOL for five different
 * reasons; which one is told by the event that precedes the credit in the same transaction (the contracts
 * emit them in a fixed order, docs/accounting.md): FeeSplit -> the protocol's fee part, Slashed -> slashed
 * stake, DisputeResolved(rejected) -> the forfeited bond, DisputeResolved(upheld) -> the forfeited escrow;
 * otherwise (after the contributors' credits of a release, or first in a settle) the escrow leftover.
 */
export function creditCategory(st: BatchState, pos: EventPosition, role: number): MoneyCategory {
  if (role !== Role.PROTOCOL) {
    if (role === Role.CONTRIBUTOR) noteCause(st, pos, 'CONTRIBUTOR_CREDIT');
    return BY_ROLE.get(role) ?? MoneyCategory.UNKNOWN;
  }
  const c = last.get(st);
  const cause = c && c.txHash === pos.txHash ? c.cause : undefined;
  noteCause(st, pos, 'CONSUMED');
  return (cause && PROTOCOL_BY_CAUSE[cause]) ?? MoneyCategory.ESCROW_LEFTOVER;
}

/** Categories that are rewards (fee-derived); the rest of the credits are the treasury's other income. */
export const REWARD_CATEGORIES: ReadonlySet<MoneyCategory> = new Set([
  MoneyCategory.FEE_PROTOCOL,
  MoneyCategory.FEE_MODEL_OWNER,
  MoneyCategory.FEE_PROVIDER,
  MoneyCategory.CONTRIBUTOR_RELEASED,
  MoneyCategory.ESCROW_LEFTOVER,
  MoneyCategory.ESCROW_FORFEITED,
  MoneyCategory.STAKER_HARVESTED,
]);
