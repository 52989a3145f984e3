/**
 * The API's own (non-entity) GraphQL surface: lineage, token flows, statistics, search, audits and status.
 * The entity queries are generated from schema.graphql (see ../entities/); this SDL is appended to them and
 * may refer to every entity type (Account, Datanet, Attribution, AttributionVerdict, ...).
 * api/SCHEMA_NOTES.md documents it for the explorer.
 */
import { chainTypeDefs } from '../chain/chainTypeDefs.js';
import { governanceTypeDefs } from '../governance/governanceTypeDefs.js';
import { searchTypeDefs } from '../search/searchTypeDefs.js';

export const customTypeDefs = /* GraphQL */ `
"Direction of a lineage walk. Edges point from upstream (data, base models, payers) to downstream."
enum LineageDirection { UPSTREAM DOWNSTREAM BOTH }

enum NodeKind { ACCOUNT DATANET CONTRIBUTION MODEL CHECKPOINT INFERENCE ATTRIBUTION REWARD GRANT }

"""
Edge kinds, source -> target:
SUBMITTED account->contribution, OWNS account->datanet|model, REQUESTED account->inference (fee),
POSTED account->attribution, INCLUDED_IN contribution->datanet, TRAINED datanet->model,
DERIVED base model->derived model, CHECKPOINT model->checkpoint, SERVED model->inference (fee),
CREDITED contribution->inference (attribution weight, ppm), ATTRIBUTES attribution->inference,
REWARDED contribution->reward accrual (OPEN paid for that share), ACCRUED inference->reward accrual (OPEN),
FUNDED treasury grant->datanet|model (OPEN the Treasury paid its builder, by a proposal).
"""
enum EdgeKind { SUBMITTED OWNS REQUESTED POSTED INCLUDED_IN TRAINED DERIVED CHECKPOINT SERVED CREDITED ATTRIBUTES REWARDED ACCRUED FUNDED }

"Unit of LineageEdge.weight: PPM = attribution weight in parts per million, OPEN = token amount in OPEN (float)."
enum WeightUnit { PPM OPEN }

type LineageNode {
  "typed id: 'contribution:12', 'model:3', 'account:0xabc...', 'checkpoint:3-1', 'reward:<event id>', 'grant:1'"
  id: ID!
  kind: NodeKind!
  "human label (chain strings: render as text)"
  label: String!
  "the entity's id without the kind prefix"
  entityId: String!
  "hops from the root (0 = root)"
  depth: Int!
  "a few fields of the entity (amounts as decimal wei strings, times ISO)"
  data: JSON
}

type LineageEdge {
  source: ID!
  target: ID!
  kind: EdgeKind!
  "PPM for CREDITED, OPEN for REQUESTED/SERVED/REWARDED/ACCRUED, null otherwise"
  weight: Float
  unit: WeightUnit
  "exact OPEN amount in wei for money edges"
  amount: BigInt
}

type LineageGraph {
  root: ID!
  nodes: [LineageNode!]!
  edges: [LineageEdge!]!
  "true when the node budget cut the walk (some nodes within the depth are missing)"
  truncated: Boolean!
  nodeBudget: Int!
}

enum FlowGroupBy { ROLE DATANET MODEL ACCOUNT }
"Sankey columns, left to right: USER -> MODEL -> DATANET -> RECIPIENT (SOURCE holds slashed stakes and forfeited bonds)."
enum FlowStage { SOURCE USER MODEL DATANET RECIPIENT }

type FlowNode {
  "stable id within the graph, e.g. 'user:0xabc..', 'model:3', 'datanet:1', 'role:PROVIDER', 'account:0x..', 'other:MODEL'"
  id: ID!
  label: String!
  stage: FlowStage!
  "typed lineage id of the entity behind the node (model:3, account:0x..), null for aggregates"
  entityId: ID
}

type FlowLink {
  source: ID!
  target: ID!
  "the MoneyCategory the link carries (docs/accounting.md)"
  category: MoneyCategory!
  "OPEN (float, for drawing)"
  value: Float!
  "exact wei"
  amount: BigInt!
}

type TokenFlowGraph {
  nodes: [FlowNode!]!
  links: [FlowLink!]!
  "sum of inference fees in the window (wei)"
  totalFees: BigInt!
  "sum of slashes in the window (wei)"
  totalSlashed: BigInt!
  "sum of forfeited dispute bonds in the window (wei)"
  totalBondsForfeited: BigInt!
  "wei per category over every link ending at a RECIPIENT node"
  totals: [CategoryAmount!]!
}

type CategoryAmount { category: MoneyCategory! amountWei: BigInt! }

"""
One protocol contract's books: its native balance on chain (eth_getBalance at the indexed height) and what the
index says it holds. differenceWei = chainBalanceWei - indexedBalanceWei; anything but 0 means value moved that
the index does not account for.
"""
type ContractReconciliation {
  contract: String!
  address: String!
  "what the index counts as held by this contract"
  holds: String!
  chainBalanceWei: BigInt!
  indexedBalanceWei: BigInt!
  differenceWei: BigInt!
  atBlock: Int!
}

extend type Account {
  "staker rewards accrued but not yet harvested, wei (Staking.pendingReward: stake x accRewardPerShare / 1e18 - rewardDebt)"
  stakerRewardsUnharvested: BigInt!
}

"""
Daily series. Amount metrics are wei of one MoneyCategory (docs/accounting.md): REWARDS = fee-derived rewards
(fee parts, STAKER_REWARDS at the split, released escrow, escrow leftovers and forfeitures; never slashes or
bonds), CONTRIBUTOR_REWARDS = CONTRIBUTOR_RELEASED, ESCROWED = CONTRIBUTOR_ESCROWED, STAKER_REWARDS = FEE_STAKERS.
"""
enum TimeSeriesMetric { INFERENCES FEES REWARDS CONTRIBUTOR_REWARDS CLAIMS FEE_PROTOCOL FEE_MODEL_OWNER FEE_PROVIDER STAKER_REWARDS STAKER_HARVESTED ESCROWED ESCROW_LEFTOVER ESCROW_FORFEITED BONDS_POSTED BONDS_REFUNDED BONDS_FORFEITED NEW_CONTRIBUTIONS NEW_DATANETS NEW_MODELS ATTRIBUTIONS DISPUTES STAKED UNSTAKED SLASHED NEW_ACCOUNTS EVENTS }

type TimePoint {
  "start of the UTC day"
  t: DateTime!
  "count, or OPEN (float) for amount metrics"
  value: Float!
  "exact wei for amount metrics, the count as a string otherwise"
  amount: BigInt!
}

enum ContributorRanking { REWARDS INFLUENCE CONTRIBUTIONS REPUTATION }
enum DatanetRanking { INFLUENCE REWARDS CONTRIBUTIONS }

type ContributorRank { rank: Int! account: Account! rewards: BigInt! weightPpm: BigInt! shareCount: Int! contributionCount: Int! }
type DatanetRank { rank: Int! datanet: Datanet! influencePpm: BigInt! rewards: BigInt! shareCount: Int! contributionCount: Int! }

"""
Network totals. Every amount is wei of one MoneyCategory (docs/accounting.md). totalFees = totalFeeProtocol +
totalFeeModelOwner + totalFeeProvider + totalStakerRewards + totalEscrowed; totalRewardsAccrued = totalFees -
escrowHeld (fee-derived only: slashed stake and forfeited bonds are the treasury's other income, never rewards).
"""
type NetworkTotals {
  accounts: Int! datanets: Int! contributions: Int! models: Int! inferences: Int! attributions: Int! disputes: Int!
  openDisputes: Int!
  totalFees: BigInt! totalRewardsAccrued: BigInt! totalRewardsClaimed: BigInt! totalStaked: BigInt! totalSlashed: BigInt!
  totalFeeProtocol: BigInt! totalFeeModelOwner: BigInt! totalFeeProvider: BigInt!
  "FEE_STAKERS: the stakers' part, accrued when the fee is split"
  totalStakerRewards: BigInt!
  "STAKER_HARVESTED: staker rewards realised into RewardDistributor"
  totalStakerHarvested: BigInt!
  totalEscrowed: BigInt! totalEscrowReleased: BigInt! totalEscrowLeftover: BigInt! totalEscrowForfeited: BigInt!
  "contributor escrow not yet settled"
  escrowHeld: BigInt!
  totalBondsPosted: BigInt! totalBondsRefunded: BigInt! totalBondsForfeited: BigInt!
  totalPendingUnstake: BigInt! totalUnstaked: BigInt!
  verified: Int! mismatched: Int! unverifiable: Int! flags: Int!
  events: Int!
}

type AttributionFlag {
  id: ID!
  attributionId: ID!
  attribution: Attribution
  "lowercase address that signed"
  auditor: String!
  reason: String!
  nonce: BigInt!
  "unix seconds"
  deadline: BigInt!
  signature: String!
  createdAt: DateTime!
}

type AuditItem {
  attribution: Attribution!
  "latest replay verdict, if any"
  verdict: AttributionVerdict
  openDisputes: Int!
  flagCount: Int!
}

"EIP-712 domain the flagAttribution signature must use (the same message as @ae/core/flag's flagTypedData)."
type FlagDomain { name: String! version: String! chainId: Int! verifyingContract: String! }

enum HeadSource { RPC INDEXER }

type IndexerStatus {
  chainId: Int
  headHeight: Int
  headHash: String
  headSource: HeadSource
  indexedHeight: Int!
  indexedHash: String
  "headHeight - indexedHeight (null when the head is unknown)"
  lag: Int
  "latest chained state digest and the height it covers"
  digest: String
  digestHeight: Int
  updatedAt: DateTime
}

extend type Attribution {
  "replay verdicts (one per method) written by the replay worker"
  verdicts: [AttributionVerdict!]!
  "the verdict for the attribution's own method, if replayed"
  verdict: AttributionVerdict
  flags: [AttributionFlag!]!
}

extend type AttributionVerdict {
  attribution: Attribution
}

extend type Query {
  """
  Provenance graph around a node. id is typed ('inference:5', 'contribution:12', 'account:0x..') or a bare entity
  id when kinds names exactly one kind. depth 1..LINEAGE_MAX_DEPTH (default 3), maxNodes up to LINEAGE_MAX_NODES.
  One recursive SQL query per call.
  """
  lineage(id: ID!, direction: LineageDirection = BOTH, depth: Int = 3, kinds: [NodeKind!], maxNodes: Int): LineageGraph!

  "OPEN flows for a Sankey. from/to bound the inference time; limit = top-N per column (rest in 'Other')."
  tokenFlows(from: DateTime, to: DateTime, groupBy: FlowGroupBy = MODEL, limit: Int = 8, datanetId: ID, modelId: ID): TokenFlowGraph!

  "Daily series from DailyStat (UTC days), oldest first."
  timeSeries(metric: TimeSeriesMetric!, from: DateTime, to: DateTime): [TimePoint!]!

  topContributors(limit: Int = 10, orderBy: ContributorRanking = REWARDS): [ContributorRank!]!
  topDatanets(limit: Int = 10, orderBy: DatanetRanking = INFLUENCE): [DatanetRank!]!
  networkTotals: NetworkTotals!
  "per protocol contract: chain balance vs indexed balance at the indexed height (needs RPC_URL and the deployment)"
  reconciliation: [ContractReconciliation!]!

  """
  Attributions whose latest verdict is in verdicts (default MISMATCH, UNVERIFIABLE) or that have open disputes,
  narrowed by audit state, model and poster, in chain-time order (default newest posting first). See auditTypeDefs.
  """
  auditQueue(verdicts: [VerdictStatus!], states: [AuditState!], modelId: ID, poster: String, includeOpenDisputes: Boolean = true, orderBy: AuditOrder = POSTED_DESC, limit: Int = 50, offset: Int = 0): [AuditItem!]!
  attributionFlags(attributionId: ID, auditor: String, limit: Int = 50, offset: Int = 0): [AttributionFlag!]!
  flagDomain: FlagDomain!

  indexerStatus: IndexerStatus!
}

type Mutation {
  """
  Record an auditor's flag on an attribution. signature = EIP-712 signTypedData over
  FlagAttribution(uint256 attributionId,string reason,address auditor,uint256 deadline,uint256 nonce) in the
  domain of flagDomain. Rejected: wrong signer, expired or too-far deadline, reused (auditor, nonce), unknown attribution.
  """
  flagAttribution(attributionId: ID!, reason: String!, auditor: String!, deadline: BigInt!, nonce: BigInt!, signature: String!): AttributionFlag!
}
`.concat(chainTypeDefs, searchTypeDefs, governanceTypeDefs);
