import { stakingAbi } from '@ae/contracts/abi';
import { UserError } from '@ae/core/errors';
import { type Address, type Hex, isAddress } from 'viem';
import { toGovernanceError } from './governanceErrors.js';
import {
  type GovernanceContracts,
  type OnStage,
  type SignWith,
  sendGovernanceTx,
  signerFor,
  stakingOf,
} from './governanceTx.js';
import { INDEXED_DELEGATION } from './queries.js';

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
  const receipt = await sendGovernanceTx(
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
