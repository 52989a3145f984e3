import { decodeAction, timelockOperationId } from '@ae/contracts';
import {
  GovernanceProposal,
  GovernanceVote,
  ProposalAction,
  ProposalEventKind,
  ProposalStateEvent,
} from '../../model/generated/index.js';
import type { BatchState, EventPosition } from '../batchState.js';
import { account } from '../derived.js';
import { type PartialHandlers, sid } from '../types.js';
import { gov, govAccount } from './governanceState.js';

/** The proposal's title: the first line of its description without Markdown heading marks. */
export function proposalTitle(description: string): string {
  const first = description.split('\n').find((l) => l.trim() !== '') ?? '';
  return first
    .replace(/^#+\s*/, '')
    .trim()
    .slice(0, 200);
}

async function proposal(st: BatchState, id: bigint): Promise<GovernanceProposal | undefined> {
  const p = await gov(st).proposals.get(st.store, sid(id));
  return p ? st.changed(gov(st).proposals, p) : undefined;
}

function stateEvent(
  st: BatchState,
  pos: EventPosition,
  p: GovernanceProposal,
  kind: ProposalEventKind,
): void {
  p.lastEvent = kind;
  st.inserted(
    gov(st).stateEvents,
    new ProposalStateEvent({
      id: pos.id,
      proposal: p,
      kind,
      blockNumber: pos.blockNumber,
      timestamp: pos.timestamp,
      txHash: pos.txHash,
    }),
  );
}

type Names = 'ProposalCreated' | 'ProposalQueued' | 'ProposalExecuted' | 'ProposalCanceled' | 'VoteCast';

export const proposalHandlers: PartialHandlers<Names> = {
  ProposalCreated: {
    prefetch: (st, a) => st.accounts.want(a.proposer.toLowerCase()),
    async apply(st, pos, a, env) {
      const g = gov(st);
      if (await g.proposals.get(st.store, sid(a.proposalId))) return `proposal ${a.proposalId} created twice`;
      if (a.targets.length !== a.values.length || a.targets.length !== a.calldatas.length)
        return `proposal ${a.proposalId}: ${a.targets.length} targets, ${a.values.length} values, ${a.calldatas.length} calldatas`;
      const proposer = await account(st, a.proposer, pos);
      const p = st.created(
        g.proposals,
        new GovernanceProposal({
          id: sid(a.proposalId),
          proposer,
          title: proposalTitle(a.description),
          description: a.description,
          voteStart: a.voteStart,
          voteEnd: a.voteEnd,
          forVotes: 0n,
          againstVotes: 0n,
          abstainVotes: 0n,
          voteCount: 0,
          lastEvent: ProposalEventKind.CREATED,
          eta: null,
          timelockOperationId: timelockOperationId(
            env.contracts.OpenGovernor,
            a.targets,
            a.values,
            a.calldatas,
            a.description,
          ),
          createdBlock: pos.blockNumber,
          createdAt: pos.timestamp,
          queuedAt: null,
          executedAt: null,
          canceledAt: null,
          txHash: pos.txHash,
        }),
      );
      a.targets.forEach((target, index) => {
        const d = decodeAction(env.contracts, target, a.calldatas[index]);
        st.inserted(
          g.actions,
          new ProposalAction({
            id: `${p.id}-${index}`,
            proposal: p,
            index,
            target: target.toLowerCase(),
            contract: d.contract,
            value: a.values[index],
            calldata: a.calldatas[index].toLowerCase(),
            functionName: d.functionName,
            args: d.args,
          }),
        );
      });
      stateEvent(st, pos, p, ProposalEventKind.CREATED);
      (await govAccount(st, a.proposer)).proposalsMade++;
      return undefined;
    },
  },
  ProposalQueued: {
    prefetch: () => {},
    async apply(st, pos, a) {
      const p = await proposal(st, a.proposalId);
      if (!p) return `unknown proposal ${a.proposalId}`;
      p.eta = a.etaSeconds;
      p.queuedAt = pos.timestamp;
      stateEvent(st, pos, p, ProposalEventKind.QUEUED);
      const op = await gov(st).operations.get(st.store, p.timelockOperationId);
      if (op) st.changed(gov(st).operations, op).proposal = p;
      return undefined;
    },
  },
  ProposalExecuted: {
    prefetch: () => {},
    async apply(st, pos, a) {
      const p = await proposal(st, a.proposalId);
      if (!p) return `unknown proposal ${a.proposalId}`;
      p.executedAt = pos.timestamp;
      stateEvent(st, pos, p, ProposalEventKind.EXECUTED);
      const g = gov(st);
      for (const row of g.unlinked.get(pos.txHash) ?? []) {
        row.proposal = p;
        st.touch(row);
        if (!g.params.includes(row as never) && !g.grants.includes(row as never)) g.relinked.push(row);
      }
      g.unlinked.delete(pos.txHash);
      return undefined;
    },
  },
  ProposalCanceled: {
    prefetch: () => {},
    async apply(st, pos, a) {
      const p = await proposal(st, a.proposalId);
      if (!p) return `unknown proposal ${a.proposalId}`;
      p.canceledAt = pos.timestamp;
      stateEvent(st, pos, p, ProposalEventKind.CANCELED);
      return undefined;
    },
  },
  VoteCast: {
    prefetch: (st, a) => st.accounts.want(a.voter.toLowerCase()),
    async apply(st, pos, a) {
      const p = await proposal(st, a.proposalId);
      if (!p) return `unknown proposal ${a.proposalId}`;
      if (a.support > 2) return `vote support ${a.support} is not 0, 1 or 2`;
      if (a.support === 0) p.againstVotes += a.weight;
      else if (a.support === 1) p.forVotes += a.weight;
      else p.abstainVotes += a.weight;
      p.voteCount++;
      st.inserted(
        gov(st).votes,
        new GovernanceVote({
          id: pos.id,
          proposal: p,
          voter: await account(st, a.voter, pos),
          support: a.support,
          weight: a.weight,
          reason: a.reason,
          blockNumber: pos.blockNumber,
          timestamp: pos.timestamp,
          txHash: pos.txHash,
        }),
      );
      (await govAccount(st, a.voter)).votesCast++;
      return undefined;
    },
  },
};
