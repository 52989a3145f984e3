import { gql } from '@apollo/client';

/** Queries of the governance pages (api/src/governance and the generated entity queries). */
const OVERVIEW_FIELDS = `
  id title proposer status chainTime forVotes againstVotes abstainVotes voteCount quorum quorumReached
  timeline { step at done txHash }
  actions { index target contract functionName summary }
`;

export const PROPOSALS = gql`
  query Proposals {
    governanceProposalOverviews(limit: 100) { ${OVERVIEW_FIELDS} }
    governanceAccounts(where: { votes_gt: 0 }, orderBy: votes_DESC, limit: 10) { id votes votesCast }
  }
`;

export const PROPOSAL = gql`
  query Proposal($id: String!) {
    governanceProposalOverview(id: $id) { ${OVERVIEW_FIELDS} description }
    governanceVotes(where: { proposal: { id_eq: $id } }, orderBy: weight_DESC, limit: 500) {
      id voter { id } support weight reason timestamp txHash
    }
    parameterChanges(where: { proposal: { id_eq: $id } }, orderBy: id_ASC, limit: 100) {
      id contract parameter value timestamp txHash
    }
    treasuryGrants(where: { proposal: { id_eq: $id } }, orderBy: id_ASC, limit: 100) {
      id amount recipient { id } datanet { id } model { id }
    }
  }
`;

export const PARAMETERS = gql`
  query Parameters($where: ParameterChangeWhereInput) {
    parameterChanges(where: $where, orderBy: id_DESC, limit: 500) {
      id contract parameter value timestamp blockNumber txHash proposal { id title }
    }
    treasuryGrants(orderBy: blockNumber_DESC, limit: 100) {
      id amount kind targetId memo timestamp recipient { id } datanet { id } model { id } proposal { id title }
    }
    splitParameters(orderBy: id_DESC, limit: 20) {
      id protocolBps modelOwnerBps providerBps stakersBps contributorsBps blockNumber timestamp txHash
    }
  }
`;

/** The first fee split paid after a split took effect: the proof that later inferences use it. */
export const FIRST_SPLIT_AFTER = gql`
  query FirstSplitAfter($block: Int!) {
    feeSplits(where: { blockNumber_gt: $block }, orderBy: id_ASC, limit: 1) {
      id protocol modelOwner provider stakers contributors blockNumber timestamp inference { id fee }
    }
  }
`;

/** Share of a whole as a percentage with one decimal, 0 when the whole is 0. */
export function percentOf(part: string | number, whole: string | number): number {
  const w = BigInt(whole);
  if (w === 0n) return 0;
  return Number((BigInt(part) * 1000n) / w) / 10;
}

/** A vote's row in the index, by its transaction: the explorer's "indexed" step after a vote is mined. */
export const INDEXED_VOTE = gql`
  query IndexedVote($tx: String!) { governanceVotes(where: { txHash_eq: $tx }, limit: 1) { id } }
`;

/** A delegation's row in the index, by its transaction. */
export const INDEXED_DELEGATION = gql`
  query IndexedDelegation($tx: String!) { delegationEvents(where: { txHash_eq: $tx }, limit: 1) { id } }
`;

/** An account's governance: votes now, its delegate, who delegates to it, power over time, votes cast. */
export const ACCOUNT_GOVERNANCE = gql`
  query AccountGovernance($id: String!) {
    governanceAccountById(id: $id) { id delegate votes votesCast proposalsMade }
    delegators: governanceAccounts(where: { delegate_eq: $id, id_not_eq: $id }, orderBy: id_ASC, limit: 500) { id }
    votingPowerChanges(where: { delegate_eq: $id }, orderBy: id_DESC, limit: 1000) {
      id previousVotes newVotes blockNumber timestamp txHash
    }
    governanceVotes(where: { voter: { id_eq: $id } }, orderBy: id_DESC, limit: 500) {
      id support weight reason timestamp txHash proposal { id title }
    }
    delegationEvents(where: { delegator_eq: $id }, orderBy: id_DESC, limit: 50) {
      id fromDelegate toDelegate timestamp txHash
    }
  }
`;

/** The active stake of the accounts that delegate to one (what each brings to its votes). */
export const DELEGATOR_STAKES = gql`
  query DelegatorStakes($ids: [String!]) { accounts(where: { id_in: $ids }, limit: 500) { id stake } }
`;
