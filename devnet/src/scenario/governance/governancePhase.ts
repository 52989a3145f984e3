import { openGovernorAbi, timelockAbi } from '@ae/contracts';
import { type Abi, type Address, decodeFunctionResult, encodeFunctionData, type LocalAccount } from 'viem';
import type { TxRequest } from '../runner/blockRunner.js';
import type { World } from '../world.js';
import { GovernanceCalls, proposalId } from './governanceCalls.js';
import type { GovernanceTruth } from './governanceTruth.js';
import {
  GRANT_AMOUNT,
  GRANT_DATANET,
  type PlannedProposal,
  scenarioProposals,
  TREASURY_SEED,
} from './scenarioProposals.js';

/** The event each approval-style action emits (the settings beyond parameters: methods, datanets, providers). */
const APPROVAL_EVENT: Record<string, string> = {
  setMethod: 'MethodRuleSet',
  setApproval: 'DatanetApprovalSet',
  setProviderApproval: 'ProviderApprovalSet',
};

/**
 * Governance, played after the datanets and models exist and before any fee is split: stakers and
 * providers delegate to themselves, contributors (but the first) delegate to the delegate (the first
 * staker), the governance account seeds the treasury, and the proposals run their course through voting,
 * the Timelock and execution (scenarioProposals). The clock jumps over the voting delay, the voting period
 * and the timelock delay before any attribution is posted, so no challenge window is affected.
 */
export async function governancePhase(w: World): Promise<GovernanceTruth> {
  const g = new GovernanceCalls(w.contracts);
  const a = w.accounts;
  const [delegate, ...otherStakers] = a.staker;
  const delegations: { from: LocalAccount; to: Address }[] = [
    ...a.staker.map((s) => ({ from: s, to: s.address })),
    ...a.provider.map((p) => ({ from: p, to: p.address })),
    { from: a.contributor[0], to: a.contributor[0].address },
    ...a.contributor.slice(1).map((c) => ({ from: c, to: delegate.address })),
  ];
  const setup: TxRequest[] = [g.fundTreasury(w.gov, TREASURY_SEED)];
  w.ledger.emit('Received');
  for (const d of delegations) {
    setup.push(g.delegate(d.from, d.to));
    w.ledger.delegate(d.from.address, d.to);
  }
  await w.runner.run(setup);

  const proposals = scenarioProposals(w);
  await w.runner.run(proposals.map((p) => g.propose(delegate, p)));
  w.ledger.emit('ProposalCreated', proposals.length);
  const ids = proposals.map((p) => proposalId(w.contracts, p));
  const { votingDelay, votingPeriod, minDelay } = await settings(w);
  w.runner.advanceTime(votingDelay + 1);

  const votes: TxRequest[] = [];
  const weightOf = (v: LocalAccount) =>
    delegations.filter((d) => d.to === v.address).reduce((t, d) => t + w.ledger.stakeOf(d.from.address), 0n);
  const tally = proposals.map(() => ({ against: 0n, for: 0n, abstain: 0n, votes: 0 }));
  const vote = (who: LocalAccount, p: PlannedProposal, support: 0 | 1 | 2, reason = '') => {
    const i = proposals.indexOf(p);
    votes.push(g.vote(who, ids[i], support, reason));
    tally[i][(['against', 'for', 'abstain'] as const)[support]] += weightOf(who);
    tally[i].votes++;
  };
  const by = (k: PlannedProposal['key']) => proposals.find((p) => p.key === k) as PlannedProposal;
  const approvals = proposals.filter((p) => APPROVAL_EVENT[p.actions[0].functionName]);
  for (const p of [by('feeSplit'), by('grant'), by('queued'), ...approvals]) {
    vote(delegate, p, 1, p.key === 'feeSplit' ? 'contributors make the models' : '');
    for (const [i, s] of otherStakers.entries()) vote(s, p, i === 0 ? 2 : 1);
    for (const pr of a.provider) vote(pr, p, 1);
  }
  vote(a.contributor[0], by('feeSplit'), 0, 'model owners carry the compute');
  vote(delegate, by('votedDown'), 0, 'stakers secure the protocol');
  for (const pr of a.provider) vote(pr, by('votedDown'), 0);
  vote(otherStakers[0] ?? delegate, by('votedDown'), 1, 'the treasury funds grants');
  vote(a.contributor[0], by('noQuorum'), 1, 'cheaper disputes');
  await w.runner.run(votes);
  w.ledger.emit('VoteCast', votes.length);
  w.runner.advanceTime(votingPeriod);

  const toQueue = proposals.filter((p) => p.outcome !== 'Defeated');
  await w.runner.run(toQueue.map((p) => g.queue(delegate, p)));
  for (const p of toQueue) {
    w.ledger.emit('ProposalQueued');
    w.ledger.emit('CallSalt');
    w.ledger.emit('CallScheduled', p.actions.length);
  }
  w.runner.advanceTime(minDelay);
  const toRun = proposals.filter((p) => p.outcome === 'Executed');
  await w.runner.run(toRun.map((p) => g.execute(delegate, p)));
  for (const p of toRun) {
    w.ledger.emit('CallExecuted', p.actions.length);
    w.ledger.emit('ProposalExecuted');
    for (const a of p.actions)
      if (APPROVAL_EVENT[a.functionName]) w.ledger.emit(APPROVAL_EVENT[a.functionName]);
  }
  const split = by('feeSplit').actions[0].args[0] as Record<string, number>;
  w.ledger.setSplit(Object.fromEntries(Object.entries(split).map(([k, v]) => [k, BigInt(v)])) as never);
  w.ledger.emit('GrantPaid');
  const grantArgs = by('grant').actions[0].args;
  w.log(
    `governance: ${delegations.length} delegations, ${proposals.length} proposals, ${votes.length} votes`,
  );
  return {
    proposer: delegate.address,
    delegate: delegate.address,
    delegations: delegations.map((d) => ({ delegator: d.from.address, delegatee: d.to })),
    proposals: proposals.map((p, i) => ({
      key: p.key,
      id: ids[i].toString(),
      description: p.description,
      state: p.outcome,
      forVotes: tally[i].for.toString(),
      againstVotes: tally[i].against.toString(),
      abstainVotes: tally[i].abstain.toString(),
      votes: tally[i].votes,
      actions: p.actions.length,
    })),
    grants: [
      {
        grantId: '1',
        recipient: grantArgs[0] as string,
        amount: GRANT_AMOUNT.toString(),
        kind: GRANT_DATANET,
        targetId: String(grantArgs[3]),
      },
    ],
    settings: approvals.flatMap((p) =>
      p.actions.map((a) => ({
        proposal: ids[proposals.indexOf(p)].toString(),
        contract: a.contract,
        functionName: a.functionName,
        subject: String(a.args[0]),
        on: a.args[1] as boolean,
      })),
    ),
    splitAfter: split,
    treasurySeed: TREASURY_SEED.toString(),
  };
}

/** eth_call of a view on the chain's latest block, decoded. */
export async function readContract(
  w: World,
  to: Address,
  abi: Abi,
  functionName: string,
  args: unknown[] = [],
) {
  const data = encodeFunctionData({ abi, functionName, args } as never);
  const out = await w.rpc.call<`0x${string}`>('eth_call', [{ to, data }, 'latest']);
  return decodeFunctionResult({ abi, functionName, data: out } as never) as unknown;
}

async function settings(w: World) {
  const gov = w.contracts.OpenGovernor;
  return {
    votingDelay: Number(await readContract(w, gov, openGovernorAbi as Abi, 'votingDelay')),
    votingPeriod: Number(await readContract(w, gov, openGovernorAbi as Abi, 'votingPeriod')),
    minDelay: Number(await readContract(w, w.contracts.Timelock, timelockAbi as Abi, 'getMinDelay')),
  };
}
