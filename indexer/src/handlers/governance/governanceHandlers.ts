import {
  DelegationEvent,
  TimelockOperation,
  TimelockOperationStatus,
  TreasuryGrant,
  TreasuryReceipt,
  VotingPowerChange,
} from '../../model/generated/index.js';
import type { BatchState } from '../batchState.js';
import { account, addr } from '../derived.js';
import type { EventHandler, PartialHandlers } from '../types.js';
import { sid } from '../types.js';
import { gov, govAccount } from './governanceState.js';
import { parameterChange, waitForProposal } from './parameterChange.js';
import { proposalHandlers } from './proposalHandlers.js';
import { settingHandlers } from './settingHandlers.js';

/** Which contract emits each ParameterChanged name (the event carries the name, not the emitter). */
const PARAMETER_CONTRACT: Record<string, string> = {
  minPosterStake: 'Staking',
  minProviderStake: 'Staking',
  unstakeCooldown: 'Staking',
  challengeWindow: 'AttributionRegistry',
  minBond: 'AttributionRegistry',
  slashAmount: 'AttributionRegistry',
};

/** bytes32 text (a Solidity string literal cast to bytes32) without its zero padding; hex when not text. */
export function bytes32Text(b: string): string {
  const hex = b.replace(/^0x/, '').replace(/(00)+$/, '');
  const text = Buffer.from(hex, 'hex').toString('latin1');
  return /^[A-Za-z0-9_.]+$/.test(text) ? text : b.toLowerCase();
}

async function operation(st: BatchState, id: string) {
  const op = await gov(st).operations.get(st.store, id.toLowerCase());
  return op ? st.changed(gov(st).operations, op) : undefined;
}

type Names =
  | 'DelegateChanged'
  | 'DelegateVotesChanged'
  | 'ParameterChanged'
  | 'GrantPaid'
  | 'Received'
  | 'CallScheduled'
  | 'CallExecuted'
  | 'Cancelled';

export const governanceHandlers: PartialHandlers<Names> = {
  DelegateChanged: {
    prefetch: () => {},
    async apply(st, pos, a) {
      st.inserted(
        gov(st).delegations,
        new DelegationEvent({
          id: pos.id,
          delegator: addr(a.delegator),
          fromDelegate: addr(a.fromDelegate),
          toDelegate: addr(a.toDelegate),
          blockNumber: pos.blockNumber,
          timestamp: pos.timestamp,
          txHash: pos.txHash,
        }),
      );
      (await govAccount(st, a.delegator)).delegate = addr(a.toDelegate);
      return undefined;
    },
  },
  DelegateVotesChanged: {
    prefetch: () => {},
    async apply(st, pos, a) {
      st.inserted(
        gov(st).power,
        new VotingPowerChange({
          id: pos.id,
          delegate: addr(a.delegate),
          previousVotes: a.previousVotes,
          newVotes: a.newVotes,
          blockNumber: pos.blockNumber,
          timestamp: pos.timestamp,
          txHash: pos.txHash,
        }),
      );
      (await govAccount(st, a.delegate)).votes = a.newVotes;
      return undefined;
    },
  },
  ParameterChanged: {
    prefetch: () => {},
    async apply(st, pos, a) {
      const name = bytes32Text(a.name);
      parameterChange(st, pos, pos.id, PARAMETER_CONTRACT[name] ?? 'unknown', name, a.value);
      return undefined;
    },
  },
  GrantPaid: {
    prefetch: (st, a) => st.accounts.want(addr(a.recipient)),
    async apply(st, pos, a) {
      if (a.kind > 2) return `grant kind ${a.kind} is not 0, 1 or 2`;
      const datanet = a.kind === 1 ? ((await st.datanets.get(st.store, sid(a.targetId))) ?? null) : null;
      const model = a.kind === 2 ? ((await st.models.get(st.store, sid(a.targetId))) ?? null) : null;
      const row = st.inserted(
        gov(st).grants,
        new TreasuryGrant({
          id: sid(a.grantId),
          recipient: await account(st, a.recipient, pos),
          amount: a.amount,
          kind: a.kind,
          targetId: a.targetId,
          datanet,
          model,
          memo: a.memo,
          proposal: null,
          blockNumber: pos.blockNumber,
          timestamp: pos.timestamp,
          txHash: pos.txHash,
        }),
      );
      waitForProposal(st, pos, row);
      return undefined;
    },
  },
  Received: {
    prefetch: () => {},
    async apply(st, pos, a) {
      st.inserted(
        gov(st).receipts,
        new TreasuryReceipt({
          id: pos.id,
          from: addr(a.from),
          amount: a.amount,
          blockNumber: pos.blockNumber,
          timestamp: pos.timestamp,
          txHash: pos.txHash,
        }),
      );
      return undefined;
    },
  },
  CallScheduled: {
    prefetch: () => {},
    async apply(st, pos, a) {
      const op = await operation(st, a.id);
      if (op) {
        op.calls++;
        return undefined;
      }
      const g = gov(st);
      const candidates = g.proposals.filter((p) => p.timelockOperationId === a.id.toLowerCase());
      st.created(
        g.operations,
        new TimelockOperation({
          id: a.id.toLowerCase(),
          proposal: candidates[0] ?? null,
          status: TimelockOperationStatus.SCHEDULED,
          calls: 1,
          delay: a.delay,
          scheduledAt: pos.timestamp,
          executedAt: null,
          txHash: pos.txHash,
        }),
      );
      return undefined;
    },
  },
  CallExecuted: {
    prefetch: () => {},
    async apply(st, pos, a) {
      const op = await operation(st, a.id);
      if (!op) return `unknown timelock operation ${a.id}`;
      op.status = TimelockOperationStatus.EXECUTED;
      op.executedAt = pos.timestamp;
      return undefined;
    },
  },
  Cancelled: {
    prefetch: () => {},
    async apply(st, _pos, a) {
      const op = await operation(st, a.id);
      if (!op) return `unknown timelock operation ${a.id}`;
      op.status = TimelockOperationStatus.CANCELED;
      return undefined;
    },
  },
};

const SPLIT_FIELDS = [
  'protocolBps',
  'modelOwnerBps',
  'providerBps',
  'stakersBps',
  'contributorsBps',
] as const;

/** SplitParametersChanged also enters the parameter history (one row per bps field), after its own handler. */
export function withSplitHistory(
  h: EventHandler<'SplitParametersChanged'>,
): EventHandler<'SplitParametersChanged'> {
  return {
    prefetch: (st, a) => h.prefetch(st, a),
    async apply(st, pos, a, env) {
      const reason = await h.apply(st, pos, a, env);
      if (reason) return reason;
      for (const f of SPLIT_FIELDS)
        parameterChange(st, pos, `${pos.id}-${f}`, 'RewardDistributor', `split.${f}`, BigInt(a[f]));
      return undefined;
    },
  };
}

export const allGovernanceHandlers = { ...proposalHandlers, ...governanceHandlers, ...settingHandlers };
