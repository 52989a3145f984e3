import { bulkWrite, type WriteProfile } from '../../db/bulkWrite.js';
import type { IndexerStore as Store } from '../../db/indexerStore.js';
import {
  type DelegationEvent,
  GovernanceAccount,
  GovernanceProposal,
  type GovernanceVote,
  GovernedSetting,
  type ParameterChange,
  type ProposalAction,
  type ProposalStateEvent,
  TimelockOperation,
  type TreasuryGrant,
  type TreasuryReceipt,
  type VotingPowerChange,
} from '../../model/generated/index.js';
import type { BatchState } from '../batchState.js';
import { type Entity, EntityCache } from '../entityCache.js';

/**
 * The governance rows of one batch, kept next to the BatchState (one per batch) so the shared state stays
 * as it is: caches for mutable rows, insert lists for events, and the rows of the current transaction that a
 * later ProposalExecuted in the same transaction links to its proposal.
 */
export class GovernanceState {
  readonly proposals: EntityCache<GovernanceProposal>;
  readonly accounts: EntityCache<GovernanceAccount>;
  readonly operations: EntityCache<TimelockOperation>;
  /** Current value of each governed approval (PoA method, curated datanet, compute provider). */
  readonly settings: EntityCache<GovernedSetting>;
  readonly actions: ProposalAction[] = [];
  readonly stateEvents: ProposalStateEvent[] = [];
  readonly votes: GovernanceVote[] = [];
  readonly delegations: DelegationEvent[] = [];
  readonly power: VotingPowerChange[] = [];
  readonly params: ParameterChange[] = [];
  readonly grants: TreasuryGrant[] = [];
  readonly receipts: TreasuryReceipt[] = [];
  /** Linked rows already written by an earlier flush (row-per-event mode): updated at the next flush. */
  readonly relinked: (ParameterChange | TreasuryGrant)[] = [];
  /** Parameter changes and grants by transaction hash, waiting for a ProposalExecuted of that transaction. */
  readonly unlinked = new Map<string, (ParameterChange | TreasuryGrant)[]>();

  constructor(st: BatchState) {
    this.proposals = new EntityCache(GovernanceProposal, st.stats);
    this.accounts = new EntityCache(GovernanceAccount, st.stats);
    this.operations = new EntityCache(TimelockOperation, st.stats);
    this.settings = new EntityCache(GovernedSetting, st.stats);
  }
}

const STATES = new WeakMap<BatchState, GovernanceState>();

export function gov(st: BatchState): GovernanceState {
  let g = STATES.get(st);
  if (!g) {
    g = new GovernanceState(st);
    STATES.set(st, g);
  }
  return g;
}

/** The account's governance row, created with no delegate and no votes. */
export async function govAccount(st: BatchState, address: string): Promise<GovernanceAccount> {
  const g = gov(st);
  const id = address.toLowerCase();
  let a = await g.accounts.get(st.store, id);
  if (!a) {
    a = st.created(
      g.accounts,
      new GovernanceAccount({ id, delegate: null, votes: 0n, votesCast: 0, proposalsMade: 0 }),
    );
  }
  return st.changed(g.accounts, a);
}

/** Writes the batch's governance rows in foreign-key order (after accounts, datanets and models). */
export async function flushGovernance(store: Store, st: BatchState, profile: WriteProfile): Promise<void> {
  const g = STATES.get(st);
  if (!g) return;
  await flushCache(store, g.proposals, profile);
  await flushCache(store, g.accounts, profile);
  await flushCache(store, g.operations, profile);
  await flushCache(store, g.settings, profile);
  for (const list of [
    g.actions,
    g.stateEvents,
    g.votes,
    g.delegations,
    g.power,
    g.params,
    g.grants,
    g.receipts,
  ] as Entity[][]) {
    await bulkWrite(store, list.splice(0), 'insert', profile);
  }
  await bulkWrite(store, g.relinked.splice(0), 'update', profile);
}

async function flushCache<E extends Entity>(store: Store, cache: EntityCache<E>, profile: WriteProfile) {
  const { created, updated } = cache.dirty();
  await bulkWrite(store, created, 'insert', profile);
  await bulkWrite(store, updated, 'update', profile);
  cache.clearDirty();
}
