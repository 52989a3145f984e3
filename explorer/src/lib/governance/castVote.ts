import { openGovernorAbi } from '@ae/contracts/abi';
import { UserError } from '@ae/core/errors';
import { type Address, type Hex, parseEventLogs } from 'viem';
import { stateName, toGovernanceError } from './governanceErrors.js';
import {
  type GovernanceContracts,
  type OnStage,
  type SignWith,
  sendGovernanceTx,
  signerFor,
} from './governanceTx.js';
import { INDEXED_VOTE } from './queries.js';

const ACTIVE = 1;

/**
 * Casts a vote with a reason (Governor.castVoteWithReason). Before the wallet is asked, the Governor is read
 * on the chain: the proposal must be active, the voter must not have voted, and it must have had voting power
 * at the proposal's snapshot (the Governor would count a vote of weight 0 and waste the voter's one vote).
 * Returns the weight the Governor counted (the VoteCast event).
 */
export async function castVote(
  c: GovernanceContracts,
  w: SignWith,
  v: { proposalId: string; support: 0 | 1 | 2; reason: string },
  onStage: OnStage,
): Promise<{ voter: Address; weight: bigint; hash: Hex }> {
  if (!/^\d{1,78}$/.test(v.proposalId)) throw new UserError('The proposal id is a decimal number');
  if (![0, 1, 2].includes(v.support)) throw new UserError('Choose for, against or abstain');
  if (v.reason.length > 2000) throw new UserError('Keep the reason under 2,000 characters');
  const s = await signerFor(c, w);
  const id = BigInt(v.proposalId);
  const read = (functionName: string, args: unknown[]) =>
    s.reads.readContract({
      address: c.governor,
      abi: openGovernorAbi,
      functionName,
      args,
    } as never) as Promise<unknown>;
  try {
    const state = Number(await read('state', [id]));
    if (state !== ACTIVE)
      throw new UserError(
        `This proposal is ${stateName(state)}, not active: votes are accepted only between its snapshot and its deadline`,
        { code: 'FORBIDDEN' },
      );
    if (await read('hasVoted', [id, s.address]))
      throw new UserError(`${s.address} already voted on this proposal: a vote cannot be changed`, {
        code: 'FORBIDDEN',
      });
    const snapshot = (await read('proposalSnapshot', [id])) as bigint;
    const power = (await read('getVotes', [s.address, snapshot])) as bigint;
    if (power === 0n)
      throw new UserError(
        `${s.address} had no voting power at this proposal's snapshot (${new Date(Number(snapshot) * 1000).toISOString()}, chain clock): only OPEN staked and delegated before the snapshot votes`,
        { code: 'FORBIDDEN' },
      );
  } catch (e) {
    throw toGovernanceError(e);
  }
  const receipt = await sendGovernanceTx(
    s,
    {
      address: c.governor,
      abi: openGovernorAbi,
      functionName: 'castVoteWithReason',
      args: [id, v.support, v.reason],
    },
    onStage,
    { doc: INDEXED_VOTE, field: 'governanceVotes' },
  );
  const [ev] = parseEventLogs({ abi: openGovernorAbi, logs: receipt.logs, eventName: 'VoteCast' });
  return { voter: s.address, weight: ev?.args.weight ?? 0n, hash: receipt.transactionHash };
}
