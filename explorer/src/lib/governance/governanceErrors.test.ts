import { openGovernorAbi, stakingAbi } from '@ae/contracts/abi';
import { BaseError, UserError } from '@ae/core/errors';
import fc from 'fast-check';
import {
  type Abi,
  ContractFunctionExecutionError,
  ContractFunctionRevertedError,
  encodeErrorResult,
  type Hex,
  UserRejectedRequestError,
} from 'viem';
import { describe, expect, it } from 'vitest';
import { governorErrorMessage, stateName, toGovernanceError } from './governanceErrors.js';

/** A revert as viem reports it from simulateContract / writeContract: the execution error wrapping the revert. */
function revert(abi: Abi, data: Hex, functionName = 'castVoteWithReason') {
  const cause = new ContractFunctionRevertedError({ abi, data, functionName });
  return new ContractFunctionExecutionError(cause, { abi, functionName, args: [] });
}

const VOTER = '0x00000000000000000000000000000000000000aa';

describe('toGovernanceError', () => {
  it("maps the Governor's custom errors a voter causes to FORBIDDEN user errors that say what happened", () => {
    const cases: [string, unknown[], RegExp][] = [
      ['GovernorAlreadyCastVote', [VOTER], /0x0+aa already voted on this proposal/i],
      ['GovernorUnexpectedProposalState', [1n, 7, `0x${'0'.repeat(63)}2`], /is executed, not active/],
      ['GovernorUnexpectedProposalState', [1n, 0, `0x${'0'.repeat(63)}2`], /is pending, not active/],
      ['GovernorNonexistentProposal', [5n], /no such proposal/],
      ['GovernorInvalidVoteType', [], /for, against or abstain/],
    ];
    for (const [errorName, args, text] of cases) {
      const data = encodeErrorResult({ abi: openGovernorAbi, errorName, args } as never);
      const e = toGovernanceError(revert(openGovernorAbi as Abi, data));
      expect(e, errorName).toBeInstanceOf(UserError);
      expect(e.code).toBe('FORBIDDEN');
      expect(e.shortMessage).toMatch(text);
      expect(e.walk()).toBeInstanceOf(ContractFunctionRevertedError);
    }
  });

  it("names an unmapped custom error of the contract, and Staking's own", () => {
    const data = encodeErrorResult({ abi: stakingAbi, errorName: 'ZeroAmount' });
    const e = toGovernanceError(revert(stakingAbi as Abi, data, 'delegate'));
    expect(e.code).toBe('FORBIDDEN');
    expect(e.shortMessage).toBe('The contract refused the transaction (ZeroAmount)');
  });

  it('a request refused in the wallet is a user error; our own errors pass through; anything else is retryable', () => {
    const rejected = toGovernanceError(new UserRejectedRequestError(new Error('User rejected the request.')));
    expect(rejected).toBeInstanceOf(UserError);
    expect(rejected.code).toBe('BAD_USER_INPUT');
    const ours = new UserError('x', { code: 'FORBIDDEN' });
    expect(toGovernanceError(ours)).toBe(ours);
    const other = toGovernanceError(new TypeError('fetch failed\nat …'));
    expect(other).toBeInstanceOf(BaseError);
    expect(other.code).toBe('UNAVAILABLE');
    expect(other.shortMessage).toBe('fetch failed');
  });

  it('never throws and never loses the cause, whatever the revert data or the thrown value', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 100 }), fc.anything(), (bytes, thrown) => {
        const data = `0x${Buffer.from(bytes).toString('hex')}` as Hex;
        for (const input of [revert(openGovernorAbi as Abi, data), thrown]) {
          const e = toGovernanceError(input);
          expect(e).toBeInstanceOf(BaseError);
          expect(e.shortMessage.length).toBeGreaterThan(0);
          expect(e.shortMessage).not.toContain('\n');
        }
      }),
      { numRuns: 200 },
    );
  });
});

describe('governorErrorMessage and stateName', () => {
  it('are total: any error name and arguments give a message or null, any state a name', () => {
    fc.assert(
      fc.property(fc.string(), fc.array(fc.anything()), fc.bigInt(), (name, args, state) => {
        const m = governorErrorMessage(name, args);
        expect(m === null || typeof m === 'string').toBe(true);
        expect(stateName(state).length).toBeGreaterThan(0);
      }),
    );
    expect(stateName(1)).toBe('active');
    expect(stateName(99)).toBe('state 99');
  });
});
