import { openGovernorAbi } from '@ae/contracts';
import { UserError } from '@ae/core';
import { TABLE } from '@ae/core/tables';
import { decodeFunctionResult, encodeFunctionData, type Hex } from 'viem';
import { chainRpc, knownDeployment } from '../chain/chainRpc.js';
import type { ApiContext } from '../server/context.js';
import { actionSummary } from './actionSummary.js';
import { proposalStatus } from './proposalStatus.js';

interface ProposalRow {
  id: string;
  title: string;
  description: string;
  proposer_id: string;
  vote_start: string;
  vote_end: string;
  eta: string | null;
  for_votes: string;
  against_votes: string;
  abstain_votes: string;
  vote_count: number;
  last_event: 'CREATED' | 'QUEUED' | 'EXECUTED' | 'CANCELED';
  created_block: number;
  created_at: Date;
  queued_at: Date | null;
  executed_at: Date | null;
  canceled_at: Date | null;
  tx_hash: string;
}

const SPLIT = ['protocolBps', 'modelOwnerBps', 'providerBps', 'stakersBps', 'contributorsBps'];
const secs = (d: Date | null) => (d ? String(Math.floor(d.getTime() / 1000)) : null);

async function governorCall(ctx: ApiContext, functionName: string, args: unknown[] = []): Promise<bigint> {
  const d = knownDeployment(ctx);
  if (!d) throw new UserError('no deployment known: governance reads need one', { code: 'UNAVAILABLE' });
  const data = encodeFunctionData({ abi: openGovernorAbi, functionName, args } as never);
  const out = await chainRpc(ctx).call<Hex>('eth_call', [{ to: d.contracts.OpenGovernor, data }, 'latest']);
  return decodeFunctionResult({ abi: openGovernorAbi, functionName, data: out } as never) as bigint;
}

/** The chain's clock (latest block timestamp): the devnet's runs ahead of real time, so wall time would lie. */
async function chainTime(ctx: ApiContext): Promise<bigint> {
  const b = await chainRpc(ctx).call<{ timestamp: Hex }>('eth_getBlockByNumber', ['latest', false]);
  return BigInt(b.timestamp);
}

/**
 * Proposals with the state the Governor would report, quorum at their snapshot (read from the Governor,
 * exact), a timeline from proposal to execution and their actions in plain words.
 */
export async function governanceProposals(ctx: ApiContext, opts: { id?: string; limit: number }) {
  if (opts.id !== undefined && !/^[0-9]{1,78}$/.test(opts.id))
    throw new UserError('id must be a decimal proposal id');
  const rows = await ctx.db.query<ProposalRow>(
    `SELECT * FROM ${TABLE.governanceProposal} ${opts.id ? 'WHERE id = $2' : ''} ORDER BY created_block DESC, id LIMIT $1`,
    opts.id ? [opts.limit, opts.id] : [opts.limit],
  );
  if (rows.length === 0) return [];
  const now = await chainTime(ctx);
  const grace = await governorCall(ctx, 'gracePeriod');
  const actions = await ctx.db.query<Record<string, string | number | null>>(
    `SELECT * FROM ${TABLE.proposalAction} WHERE proposal_id = ANY($1) ORDER BY proposal_id, index`,
    [rows.map((r) => r.id)],
  );
  const out = [];
  for (const r of rows) {
    const facts = {
      lastEvent: r.last_event,
      voteStart: BigInt(r.vote_start),
      voteEnd: BigInt(r.vote_end),
      eta: r.eta === null ? null : BigInt(r.eta),
      forVotes: BigInt(r.for_votes),
      againstVotes: BigInt(r.against_votes),
      abstainVotes: BigInt(r.abstain_votes),
    };
    const quorum = facts.voteStart < now ? await governorCall(ctx, 'quorum', [facts.voteStart]) : null;
    const [before] = await ctx.db.query<Record<string, number>>(
      `SELECT * FROM ${TABLE.splitParameters} WHERE block_number <= $1 ORDER BY id DESC LIMIT 1`,
      [r.created_block],
    );
    const split = before
      ? Object.fromEntries(
          SPLIT.map((k) => [k, Number(before[k.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)])]),
        )
      : undefined;
    const status = proposalStatus(facts, now, quorum, grace);
    out.push({
      id: r.id,
      title: r.title,
      description: r.description,
      proposer: r.proposer_id,
      forVotes: r.for_votes,
      againstVotes: r.against_votes,
      abstainVotes: r.abstain_votes,
      voteCount: r.vote_count,
      status,
      chainTime: now.toString(),
      quorum: quorum?.toString() ?? null,
      quorumReached: quorum !== null && facts.forVotes + facts.abstainVotes >= quorum,
      timeline: [
        { step: 'CREATED', at: secs(r.created_at), done: true, txHash: r.tx_hash },
        { step: 'VOTING_STARTS', at: r.vote_start, done: now > facts.voteStart, txHash: null },
        { step: 'VOTING_ENDS', at: r.vote_end, done: now > facts.voteEnd, txHash: null },
        ...(r.queued_at ? [{ step: 'QUEUED', at: secs(r.queued_at), done: true, txHash: null }] : []),
        ...(r.eta ? [{ step: 'EXECUTABLE', at: r.eta, done: now >= BigInt(r.eta), txHash: null }] : []),
        ...(r.executed_at ? [{ step: 'EXECUTED', at: secs(r.executed_at), done: true, txHash: null }] : []),
        ...(r.canceled_at ? [{ step: 'CANCELED', at: secs(r.canceled_at), done: true, txHash: null }] : []),
      ],
      actions: actions
        .filter((a) => a.proposal_id === r.id)
        .map((a) => ({
          index: a.index,
          target: a.target,
          contract: a.contract,
          functionName: a.function_name,
          summary: actionSummary(a.contract as string, a.function_name as string, a.args as string, split),
        })),
    });
  }
  return out;
}
