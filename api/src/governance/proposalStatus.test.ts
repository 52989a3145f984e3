import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type ProposalFacts, proposalStatus } from './proposalStatus.js';

const base: ProposalFacts = {
  lastEvent: 'CREATED',
  voteStart: 100n,
  voteEnd: 200n,
  eta: null,
  forVotes: 0n,
  againstVotes: 0n,
  abstainVotes: 0n,
};

describe('proposalStatus', () => {
  it('follows the Governor through time: pending up to the snapshot, active up to the deadline', () => {
    expect(proposalStatus(base, 100n, 10n, 50n)).toBe('PENDING');
    expect(proposalStatus(base, 101n, 10n, 50n)).toBe('ACTIVE');
    expect(proposalStatus(base, 200n, 10n, 50n)).toBe('ACTIVE');
    expect(proposalStatus(base, 201n, 10n, 50n)).toBe('DEFEATED');
    expect(proposalStatus(base, 201n, null, 50n)).toBeNull();
  });

  it('counts abstain towards quorum but needs more for than against', () => {
    const p = { ...base, forVotes: 6n, againstVotes: 5n, abstainVotes: 4n };
    expect(proposalStatus(p, 300n, 10n, 0n)).toBe('SUCCEEDED');
    expect(proposalStatus(p, 300n, 11n, 0n)).toBe('DEFEATED');
    expect(proposalStatus({ ...p, forVotes: 5n }, 300n, 1n, 0n)).toBe('DEFEATED');
  });

  it('lets events fix the state, and expires a queued proposal after its grace period', () => {
    expect(proposalStatus({ ...base, lastEvent: 'CANCELED' }, 0n, null, 0n)).toBe('CANCELED');
    expect(proposalStatus({ ...base, lastEvent: 'EXECUTED' }, 0n, null, 0n)).toBe('EXECUTED');
    const q = { ...base, lastEvent: 'QUEUED' as const, eta: 500n };
    expect(proposalStatus(q, 550n, null, 50n)).toBe('QUEUED');
    expect(proposalStatus(q, 551n, null, 50n)).toBe('EXPIRED');
  });

  it('never answers Succeeded below quorum or with for <= against (any tallies, any time)', () => {
    const big = fc.bigInt(0n, 10n ** 30n);
    fc.assert(
      fc.property(big, big, big, big, fc.bigInt(0n, 1000n), (f, a, ab, q, now) => {
        const s = proposalStatus({ ...base, forVotes: f, againstVotes: a, abstainVotes: ab }, now, q, 0n);
        if (s === 'SUCCEEDED') expect(f + ab >= q && f > a).toBe(true);
        if (now > 200n) expect(s === 'SUCCEEDED' || s === 'DEFEATED').toBe(true);
      }),
    );
  });
});
