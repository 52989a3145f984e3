import { ProposalState } from '@ae/contracts/enums';
import { BaseError as AeError, UserError } from '@ae/core/errors';
import { ContractFunctionRevertedError, UserRejectedRequestError, BaseError as ViemError } from 'viem';

/** The state's name, or `state N` for a value the contract does not have. */
export function stateName(state: number | bigint): string {
  return ProposalState[Number(state)]?.toLowerCase() ?? `state ${String(state).slice(0, 10)}`;
}

/**
 * What a Governor or Staking custom error means to the person who sent the transaction, or null when it is
 * not one a voter or delegator can cause. Every message says what to do.
 */
export function governorErrorMessage(errorName: string, args: readonly unknown[] = []): string | null {
  switch (errorName) {
    case 'GovernorAlreadyCastVote':
      return `${String(args[0] ?? 'This account')} already voted on this proposal: a vote cannot be changed`;
    case 'GovernorUnexpectedProposalState':
      return `This proposal is ${stateName(args[1] as number)}, not active: votes are accepted only between its snapshot and its deadline`;
    case 'GovernorNonexistentProposal':
      return 'The Governor knows no such proposal';
    case 'GovernorInvalidVoteType':
      return 'Choose for, against or abstain';
    case 'GovernorInsufficientProposerVotes':
      return 'Not enough voting power to propose';
    case 'ZeroAddress':
      return 'Delegate to a real address, not the zero address';
    default:
      return null;
  }
}

/**
 * Turns a failure of a governance transaction into the project's error: a revert the caller caused (a
 * custom error of the Governor or Staking) or a request refused in the wallet is a UserError (FORBIDDEN or
 * BAD_USER_INPUT) with a message that says what happened; our own errors pass through; anything else keeps
 * its short message as an UNAVAILABLE error (a node or wallet that failed, worth another try).
 */
const firstLine = (s: unknown) =>
  (typeof s === 'string' ? s.split('\n')[0].trim() : '') || 'The transaction failed';

export function toGovernanceError(e: unknown): AeError {
  if (e instanceof AeError) return e;
  if (e instanceof ViemError) {
    const rejected = e.walk((x) => x instanceof UserRejectedRequestError);
    if (rejected) return new UserError('You rejected the request in your wallet', { cause: e });
    const reverted = e.walk(
      (x) => x instanceof ContractFunctionRevertedError,
    ) as ContractFunctionRevertedError | null;
    const name = reverted?.data?.errorName;
    if (name) {
      const text = governorErrorMessage(name, reverted.data?.args ?? []);
      if (text) return new UserError(text, { code: 'FORBIDDEN', cause: e, meta: { errorName: name } });
      return new UserError(`The contract refused the transaction (${name})`, { code: 'FORBIDDEN', cause: e });
    }
    if (reverted)
      return new UserError(`The contract refused the transaction: ${firstLine(reverted.shortMessage)}`, {
        code: 'FORBIDDEN',
        cause: e,
      });
    return new AeError(firstLine(e.shortMessage), { code: 'UNAVAILABLE', cause: e, details: e.details });
  }
  return new AeError(firstLine(e instanceof Error ? e.message : undefined), {
    code: 'UNAVAILABLE',
    cause: e,
  });
}
