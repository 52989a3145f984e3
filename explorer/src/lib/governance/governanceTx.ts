import { openGovernorAbi, stakingAbi } from '@ae/contracts/abi';
import { UserError } from '@ae/core/errors';
import { type Address, type Hex, isAddress, parseEventLogs } from 'viem';
import { getClient } from '../graphql/client.js';
import { getSigner, type Signer, type SignMode } from '../wallet/signer.js';
import { stateName, toGovernanceError } from './governanceErrors.js';
import { INDEXED_DELEGATION, INDEXED_VOTE } from './queries.js';

/** Where the explorer finds the Governor (from the deployment the explorer serves) and on which chain. */
export interface GovernanceContracts {
  chainId: number;
  governor: Address;
}

/** Who signs: an injected wallet, or on a devnet one of its named accounts (by label). */
export interface SignWith {
  mode: SignMode;
  devnetAccount?: string;
  devnetAllowed: boolean;
}

/** A transaction's progress as the page shows it: the wallet asked, sent (pending), mined, then indexed. */
export type TxStage =
  | { stage: 'wallet'; from: Address }
  | { stage: 'pending'; from: Address; hash: Hex }
  | { stage: 'mined'; from: Address; hash: Hex; block: bigint }
  | { stage: 'indexed'; from: Address; hash: Hex; block: bigint }
  | { stage: 'not-indexed'; from: Address; hash: Hex; block: bigint };

type OnStage = (s: TxStage) => void;
const ACTIVE = 1;
const INDEX_WAIT_MS = 60_000;

async function signerFor(c: GovernanceContracts, w: SignWith): Promise<Signer> {
  return getSigner(w.mode, { chainId: c.chainId }, w.devnetAllowed, w.devnetAccount);
}

/** The vote's or delegation's row appears in the index (the API), or the wait ends; true when it did. */
async function waitIndexed(doc: typeof INDEXED_VOTE, field: string, hash: Hex): Promise<boolean> {
  const end = Date.now() + INDEX_WAIT_MS;
  while (Date.now() < end) {
    const r = await getClient()
      .query<Record<string, unknown[]>>({ query: doc, variables: { tx: hash.toLowerCase() } })
      .catch(() => null);
    if ((r?.data?.[field]?.length ?? 0) > 0) return true;
    await new Promise((ok) => setTimeout(ok, 700));
  }
  return false;
}

/** Sends a prepared call (simulated first, so a revert is named before the wallet asks) and follows it. */
async function send(
  s: Signer,
  call: { address: Address; abi: readonly unknown[]; functionName: string; args: readonly unknown[] },
  onStage: OnStage,
  indexed: { doc: typeof INDEXED_VOTE; field: string },
) {
  const from = s.address;
  let hash: Hex;
  try {
    const { request } = await s.reads.simulateContract({ ...call, account: s.wallet.account } as never);
    onStage({ stage: 'wallet', from });
    hash = await s.wallet.writeContract(request as never);
  } catch (e) {
    throw toGovernanceError(e);
  }
  onStage({ stage: 'pending', from, hash });
  const receipt = await s.reads.waitForTransactionReceipt({ hash, timeout: 120_000 }).catch((e) => {
    throw toGovernanceError(e);
  });
  if (receipt.status !== 'success')
    throw new UserError(`The transaction ${hash} reverted`, { code: 'FORBIDDEN' });
  onStage({ stage: 'mined', from, hash, block: receipt.blockNumber });
  const ok = await waitIndexed(indexed.doc, indexed.field, hash);
  onStage({ stage: ok ? 'indexed' : 'not-indexed', from, hash, block: receipt.blockNumber });
  return receipt;
}

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
  const receipt = await send(
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

/** The Staking contract (the Governor's IVotes token), read from the Governor itself. */
export async function stakingOf(s: Signer, c: GovernanceContracts): Promise<Address> {
  return (await s.reads.readContract({
    address: c.governor,
    abi: openGovernorAbi,
    functionName: 'token',
  })) as Address;
}

/**
 * Delegates the signer's staked votes (Staking.delegate): to itself to vote directly, or to another account.
 * The delegation counts from the next snapshot on; proposals already past their snapshot keep the old one.
 */
export async function delegateVotes(
  c: GovernanceContracts,
  w: SignWith,
  to: string,
  onStage: OnStage,
): Promise<{ delegator: Address; delegatee: Address; stake: bigint; hash: Hex }> {
  const delegatee = to.trim();
  if (!isAddress(delegatee, { strict: false }) || /^0x0{40}$/i.test(delegatee))
    throw new UserError(
      'The delegate is an address: 0x followed by 40 hexadecimal digits, not the zero address',
    );
  const s = await signerFor(c, w);
  let staking: Address;
  let stake: bigint;
  try {
    staking = await stakingOf(s, c);
    stake = (await s.reads.readContract({
      address: staking,
      abi: stakingAbi,
      functionName: 'stakeOf',
      args: [s.address],
    })) as bigint;
  } catch (e) {
    throw toGovernanceError(e);
  }
  const receipt = await send(
    s,
    { address: staking, abi: stakingAbi, functionName: 'delegate', args: [delegatee as Address] },
    onStage,
    { doc: INDEXED_DELEGATION, field: 'delegationEvents' },
  );
  return {
    delegator: s.address,
    delegatee: delegatee.toLowerCase() as Address,
    stake,
    hash: receipt.transactionHash,
  };
}
