import { openGovernorAbi, ProposalState } from '@ae/contracts';
import { type Abi, type LocalAccount, parseEther } from 'viem';
import type { LiveTruthLine } from '../liveTruth.js';
import type { World } from '../world.js';
import { action, GovernanceCalls, proposalId } from './governanceCalls.js';
import { readContract } from './governancePhase.js';
import { GRANT_DATANET, type PlannedProposal } from './scenarioProposals.js';

const GRANT_MODEL = 2;
/** A live grant: small, so the treasury's seed and the protocol fees it collects last many proposals. */
export const LIVE_GRANT = parseEther('1');

interface Ballot {
  voter: LocalAccount;
  support: 0 | 1 | 2;
  reason: string;
}

interface InFlight {
  proposal: PlannedProposal;
  id: bigint;
  ballots: Ballot[];
}

/** The live phase's governance: at most one proposal in flight, its votes cast one a tick. */
export interface LiveGovernance {
  made: number;
  current?: InFlight;
}

/**
 * One live tick of governance, so a newcomer watching `npm start` sees a vote in progress: with no proposal in
 * flight the delegate proposes the next one (in turn a grant to a model's builder, a bond rise the stakers vote
 * down, a grant to a datanet's builder); while it is active the named accounts vote, spread over its ticks,
 * with reasons; once it succeeded it is queued, and executed when the Timelock's delay is over. The chain decides
 * every state (the Governor's `state` at the latest block). Returns the live-truth lines of what happened.
 */
export async function liveGovernanceTick(
  w: World,
  g: LiveGovernance,
  tick: number,
  secondsPerTick: number,
): Promise<LiveTruthLine[]> {
  const calls = new GovernanceCalls(w.contracts);
  const gov = w.contracts.OpenGovernor;
  const abi = openGovernorAbi as Abi;
  const delegate = w.accounts.staker[0];
  const c = g.current;
  if (!c) {
    const proposal = await nextProposal(w, g.made);
    const id = proposalId(w.contracts, proposal);
    if (!(await send(w, () => w.runner.run([calls.propose(delegate, proposal)]), 'propose'))) return [];
    g.current = { proposal, id, ballots: ballots(w, proposal) };
    g.made++;
    w.log(`live governance: proposed ${id.toString().slice(0, 12)}… "${title(proposal)}"`);
    return [{ event: 'proposed', tick, proposalId: id.toString(), description: proposal.description }];
  }
  const state = ProposalState[Number(await readContract(w, gov, abi, 'state', [c.id]))];
  if (state === 'Active' && c.ballots.length > 0) {
    // spread the ballots over the ticks left before the deadline (one a tick when there is time)
    const deadline = (await readContract(w, gov, abi, 'proposalDeadline', [c.id])) as bigint;
    const ticksLeft = Math.max(1, Math.floor(Number(deadline - BigInt(w.runner.timestamp)) / secondsPerTick));
    const n = Math.ceil(c.ballots.length / ticksLeft);
    const txs = c.ballots.splice(0, n).map((b) => calls.vote(b.voter, c.id, b.support, b.reason));
    await send(w, () => w.runner.run(txs), 'vote');
  } else if (state === 'Succeeded') {
    await send(w, () => w.runner.run([calls.queue(delegate, c.proposal)]), 'queue');
  } else if (state === 'Queued') {
    const eta = (await readContract(w, w.contracts.OpenGovernor, openGovernorAbi as Abi, 'proposalEta', [
      c.id,
    ])) as bigint;
    if (BigInt(w.runner.timestamp) > eta)
      await send(w, () => w.runner.run([calls.execute(delegate, c.proposal)]), 'execute');
  } else if (state !== 'Pending' && state !== 'Active') {
    g.current = undefined;
    w.log(`live governance: "${title(c.proposal)}" ended ${state}`);
    return [{ event: 'proposal-ended', tick, proposalId: c.id.toString(), state }];
  }
  return [];
}

/** The n-th live proposal: a model grant, a voted-down bond rise, a datanet grant, in turn (grants need funds). */
async function nextProposal(w: World, n: number): Promise<PlannedProposal> {
  const funds = BigInt(await w.rpc.call<string>('eth_getBalance', [w.contracts.Treasury, 'latest']));
  const turn = funds >= LIVE_GRANT ? n % 3 : 1;
  const number = n + 1;
  if (turn === 1) {
    const p = w.params;
    return {
      key: 'votedDown',
      outcome: 'Defeated',
      description: `# Live ${number}: double the dispute bond\n\nFewer frivolous disputes, at the cost of fewer audits.`,
      actions: [
        action('AttributionRegistry', 'setParameters', [p.challengeWindow, p.minBond * 2n, p.slashAmount]),
      ],
    };
  }
  if (turn === 0) {
    const m = n % w.plan.models.length;
    const owner = w.accounts.trainer[w.plan.models[m].trainer].address;
    const id = w.modelIds[m];
    return {
      key: 'grant',
      outcome: 'Executed',
      description: `# Live ${number}: grant 1 OPEN to model ${id}\n\nFund the next fine-tune of ${w.plan.models[m].name}.`,
      actions: [
        action('Treasury', 'payGrant', [owner, LIVE_GRANT, GRANT_MODEL, id, `model ${id} fine-tune`]),
      ],
    };
  }
  const d = n % w.plan.datanets.length;
  const owner = w.accounts.curator[w.plan.datanets[d].owner].address;
  const id = w.datanets[d].id;
  return {
    key: 'grant',
    outcome: 'Executed',
    description: `# Live ${number}: grant 1 OPEN to datanet ${id}\n\nFund more contributions to ${w.plan.datanets[d].name}.`,
    actions: [
      action('Treasury', 'payGrant', [owner, LIVE_GRANT, GRANT_DATANET, id, `datanet ${id} contributions`]),
    ],
  };
}

/** Who votes, in order: providers and the other stakers first, the first contributor, the delegate last. */
function ballots(w: World, p: PlannedProposal): Ballot[] {
  const a = w.accounts;
  const pass = p.outcome !== 'Defeated';
  const [delegate, ...others] = a.staker;
  return [
    ...a.provider.map((v, i) => ({ voter: v, support: (pass ? 1 : i === 0 ? 1 : 0) as 0 | 1, reason: '' })),
    ...others.map((v, i) => ({
      voter: v,
      support: (i === 0 ? 2 : pass ? 1 : 0) as 0 | 1 | 2,
      reason: i === 0 ? 'no view' : '',
    })),
    {
      voter: a.contributor[0],
      support: 1 as const,
      reason: pass ? 'builders need funding' : 'fewer frivolous disputes',
    },
    {
      voter: delegate,
      support: (pass ? 1 : 0) as 0 | 1,
      reason: pass ? 'worth funding' : 'audits keep posters honest',
    },
  ];
}

function title(p: PlannedProposal): string {
  return p.description.split('\n')[0].replace(/^#\s*/, '');
}

/** Sends governance transactions of the live phase; a revert (another wallet voted first, a state raced) is logged, not fatal. */
async function send(w: World, run: () => Promise<unknown>, what: string): Promise<boolean> {
  try {
    await run();
    return true;
  } catch (e) {
    w.log(`live governance: ${what} not mined: ${(e as Error).message}`);
    return false;
  }
}
