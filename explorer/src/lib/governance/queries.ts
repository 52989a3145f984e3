import { gql } from '@apollo/client';

/** Queries of the governance pages (api/src/governance and the generated entity queries). */
const OVERVIEW_FIELDS = `
  id title proposer status chainTime forVotes againstVotes abstainVotes voteCount quorum quorumReached
  timeline { step at done txHash }
  actions { index target contract functionName summary }
`;

export const PROPOSALS = gql`
  query Proposals { governanceProposalOverviews(limit: 100) { ${OVERVIEW_FIELDS} } }
`;

export const PROPOSAL = gql`
  query Proposal($id: String!) {
    governanceProposalOverview(id: $id) { ${OVERVIEW_FIELDS} description }
    governanceVotes(where: { proposal: { id_eq: $id } }, orderBy: weight_DESC, limit: 500) {
      id voter { id } support weight reason timestamp txHash
    }
  }
`;

export const PARAMETERS = gql`
  query Parameters {
    parameterChanges(orderBy: blockNumber_DESC, limit: 500) {
      id contract parameter value timestamp blockNumber txHash proposal { id title }
    }
    treasuryGrants(orderBy: blockNumber_DESC, limit: 100) {
      id amount kind targetId memo timestamp recipient { id } datanet { id } model { id } proposal { id title }
    }
  }
`;

/** Share of a whole as a percentage with one decimal, 0 when the whole is 0. */
export function percentOf(part: string | number, whole: string | number): number {
  const w = BigInt(whole);
  if (w === 0n) return 0;
  return Number((BigInt(part) * 1000n) / w) / 10;
}
