/** Governor.ProposalState, computed from indexed events, tallies, the chain clock and the quorum. */
export type ProposalStatus =
  | 'PENDING'
  | 'ACTIVE'
  | 'CANCELED'
  | 'DEFEATED'
  | 'SUCCEEDED'
  | 'QUEUED'
  | 'EXPIRED'
  | 'EXECUTED';

export interface ProposalFacts {
  lastEvent: 'CREATED' | 'QUEUED' | 'EXECUTED' | 'CANCELED';
  /** Seconds of the timestamp clock. */
  voteStart: bigint;
  voteEnd: bigint;
  eta: bigint | null;
  forVotes: bigint;
  againstVotes: bigint;
  abstainVotes: bigint;
}

/**
 * The state OpenGovernor.state() returns, from what the index knows: an event fixes Canceled, Executed and
 * Queued (Expired once `gracePeriod` after the eta has passed); otherwise the clock decides Pending and Active,
 * and after the deadline quorum (for + abstain, GovernorCountingSimple) and for > against decide Succeeded.
 * `now` is the chain's clock (the devnet runs ahead of real time), `quorum` null when unknown.
 */
export function proposalStatus(
  p: ProposalFacts,
  now: bigint,
  quorum: bigint | null,
  gracePeriod: bigint,
): ProposalStatus | null {
  if (p.lastEvent === 'CANCELED') return 'CANCELED';
  if (p.lastEvent === 'EXECUTED') return 'EXECUTED';
  if (p.lastEvent === 'QUEUED') return p.eta !== null && now > p.eta + gracePeriod ? 'EXPIRED' : 'QUEUED';
  if (now <= p.voteStart) return 'PENDING';
  if (now <= p.voteEnd) return 'ACTIVE';
  if (quorum === null) return null;
  const reached = p.forVotes + p.abstainVotes >= quorum;
  return reached && p.forVotes > p.againstVotes ? 'SUCCEEDED' : 'DEFEATED';
}
