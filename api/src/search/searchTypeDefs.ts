/** The search box's query: what people paste (see searchPlan.ts), answered from the index. */
export const searchTypeDefs = /* GraphQL */ `
enum SearchKind { ACCOUNT DATANET MODEL CONTRIBUTION INFERENCE ATTRIBUTION DISPUTE CHECKPOINT TRANSACTION BLOCK }

type SearchHit {
  kind: SearchKind!
  "entity id (TRANSACTION: the tx hash, BLOCK: the height)"
  id: ID!
  "typed lineage id (model:3); null for TRANSACTION, BLOCK and DISPUTE"
  nodeId: ID
  label: String!
  "what matched: id, name, address, addressPrefix, txHash, hashPrefix, contentHash, artifactHash, checkpointHash, blockNumber, blockHash"
  matchedBy: String!
  "the text names this entity completely (a whole id, address or hash, or the exact name): go straight to it"
  exact: Boolean!
}

extend type Query {
  """
  Explorer search box. Reads every form people paste: an id (12, #12, model:3), an address or hash in any case with
  or without 0x, any prefix of one (0xd0f8, d0f8), the shortened form 0xd0f8…c26b (or ...), a block height, or part
  of a datanet or model name. Exact hits first.
  """
  search(text: String!, limit: Int = 10): [SearchHit!]!
}
`;
