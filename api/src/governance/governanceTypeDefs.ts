/** Governance views the entity queries cannot give: the Governor's state now, quorum, timeline, plain actions. */
export const governanceTypeDefs = /* GraphQL */ `
enum ProposalStatus { PENDING ACTIVE CANCELED DEFEATED SUCCEEDED QUEUED EXPIRED EXECUTED }

type ProposalTimelineStep {
  "CREATED, VOTING_STARTS, VOTING_ENDS, QUEUED, EXECUTABLE, EXECUTED, CANCELED"
  step: String!
  "seconds of the chain clock"
  at: BigInt
  done: Boolean!
  txHash: String
}

type ProposalActionText {
  index: Int!
  target: String!
  contract: String
  functionName: String
  "the action in plain words, e.g. fee split: contributors 40 % → 45 %"
  summary: String!
}

type ProposalOverview {
  id: String!
  title: String!
  description: String!
  proposer: String!
  "null when the deadline passed and the quorum could not be read"
  status: ProposalStatus
  "the chain clock the status was computed at (seconds)"
  chainTime: BigInt!
  forVotes: BigInt!
  againstVotes: BigInt!
  abstainVotes: BigInt!
  voteCount: Int!
  "votes needed (for + abstain) at the snapshot; null before the snapshot"
  quorum: BigInt
  quorumReached: Boolean!
  timeline: [ProposalTimelineStep!]!
  actions: [ProposalActionText!]!
}

extend type Query {
  "Governor proposals, newest first, with their state computed as OpenGovernor.state() would"
  governanceProposalOverviews(limit: Int): [ProposalOverview!]!
  governanceProposalOverview(id: String!): ProposalOverview
}
`;
