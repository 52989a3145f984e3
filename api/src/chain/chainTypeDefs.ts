/** The chain lookups the explorer's block, transaction and account pages read (answered by the RPC node). */
export const chainTypeDefs = /* GraphQL */ `
enum TxStatus { SUCCESS REVERTED PENDING }

type DecodedArg {
  name: String!
  "Solidity type (uint256, address, bytes32, string...)"
  type: String!
  indexed: Boolean!
  "decimal for integers (wei for amounts), lowercase 0x-hex for addresses and bytes, text for strings (chain data: render as text)"
  value: String!
}

type ChainLog {
  logIndex: Int!
  "emitting contract (lowercase)"
  address: String!
  "deployment name of the emitter, or of the protocol ABI that decoded the log"
  contract: String
  "event name, null when no protocol ABI explains the log"
  event: String
  signature: String
  args: [DecodedArg!]!
  topics: [String!]!
  data: String!
}

type ChainTransaction {
  hash: String!
  blockNumber: Int
  blockHash: String
  "time of its block (the chain's clock)"
  timestamp: DateTime
  index: Int
  from: String!
  to: String
  "deployment name of the called contract"
  toContract: String
  "protocol function called, when the ABI knows the selector"
  method: String
  selector: String
  "native value sent, wei"
  value: BigInt!
  nonce: Int!
  status: TxStatus!
  gasUsed: BigInt
  gasPrice: BigInt
  "gasUsed x effective gas price, wei"
  fee: BigInt
  contractCreated: String
  "every log of the receipt, in order"
  logs: [ChainLog!]!
}

type BlockTransaction {
  hash: String!
  index: Int!
  from: String!
  to: String
  toContract: String
  method: String
  value: BigInt!
  status: TxStatus!
  logCount: Int!
}

type ChainBlock {
  number: Int!
  hash: String!
  parentHash: String!
  timestamp: DateTime!
  gasUsed: BigInt!
  gasLimit: BigInt!
  baseFeePerGas: BigInt
  miner: String!
  transactionCount: Int!
  "only on block(): every transaction of the block"
  transactions: [BlockTransaction!]
}

enum AccountFlowDirection { IN OUT ACCRUED }

type AccountFlow {
  "IN / OUT: native transfers announced by events; ACCRUED: reward credits (paid out by claims)"
  direction: AccountFlowDirection!
  "TransferKind for IN / OUT, RewardRole for ACCRUED"
  kind: String!
  "what the wei is (docs/accounting.md); a PROTOCOL credit may be a fee part, slashed stake or a forfeited bond"
  category: MoneyCategory!
  "the other address (null for ACCRUED)"
  counterparty: String
  amount: BigInt!
  count: Int!
}

type BalancePoint { blockNumber: Int! timestamp: DateTime! "native balance, wei" balance: BigInt! }
type BalanceHistory {
  "false when the node could not answer for past blocks (only the head is given)"
  complete: Boolean!
  points: [BalancePoint!]!
}

extend type Query {
  "A transaction with every log of its receipt decoded by the protocol ABIs (null when the node does not know it)."
  transaction(hash: String!): ChainTransaction
  "A block by height or hash, with its transactions (null beyond the head)."
  block(id: String!): ChainBlock
  "The latest blocks, newest first (limit at most 50), or those below 'before'."
  blocks(limit: Int = 20, before: Int): [ChainBlock!]!
  "OPEN moved to and from an account, by kind, category and counterparty, plus its credits by role and category."
  accountFlows(address: String!): [AccountFlow!]!
  "Native balance at the latest blocks in which the account moved OPEN through the protocol, and now (points at most 100)."
  balanceHistory(address: String!, points: Int = 60): BalanceHistory!
}
`;
