/**
 * The audit loop's GraphQL surface beyond customTypeDefs' AuditItem/AttributionFlag: where each attribution
 * stands (AuditState) on the chain clock, the challenge window's time left, flag status with the signer's
 * on-chain record, and the queue's count. api/SCHEMA_NOTES.md documents it for the explorer.
 */
export const auditTypeDefs = /* GraphQL */ `
"""
Where an attribution stands in the audit loop, read on the chain clock from its latest replay verdict, its
disputes, its settlement and its challenge window.
"""
enum AuditState {
  "window open, not replayed yet"
  AWAITING_REPLAY
  "the replay reproduced it (window open, or settlement pending)"
  VERIFIED
  "must not be paid (MISMATCH or UNVERIFIABLE), window open and no open dispute: anyone may dispute it now"
  DISPUTABLE
  "a dispute is open: the attribution cannot settle until the arbiter rules"
  DISPUTED
  "a dispute was upheld: the attribution paid nobody and its poster was slashed"
  UPHELD
  "must not be paid, but its window closed with no dispute: it will be paid unverified when settled"
  UNDISPUTED_CLOSED
  "settled and paid, replayed VERIFIED"
  SETTLED
  "settled and paid without a VERIFIED replay (MISMATCH, UNVERIFIABLE or never replayed): settled unverified"
  SETTLED_UNVERIFIED
}

"Audit queue order, all on the chain clock."
enum AuditOrder {
  "newest posting first (block, then index)"
  POSTED_DESC
  POSTED_ASC
  "open windows first, the one closing soonest on top; closed ones after"
  CLOSES_SOONEST
  "largest weight deviation first"
  DEVIATION_DESC
}

"An attribution's challenge window, on the chain clock (the head block's time, not this server's)."
type ChallengeWindow {
  "posting time + the registry's challengeWindow; null when the window length is unknown (no RPC)"
  closesAt: DateTime
  "chain seconds until it closes (negative once closed); null when the chain clock is unknown"
  secondsLeft: Int
  "true while a dispute can still be opened; null when the chain clock is unknown"
  open: Boolean
  "the chain head's time the figures were computed at"
  chainTime: DateTime
}

extend type AuditItem {
  state: AuditState!
  challenge: ChallengeWindow!
  "the attribution's latest dispute, if any"
  dispute: Dispute
}

extend type Attribution {
  "where the attribution stands in the audit loop (see AuditState)"
  auditState: AuditState!
  challenge: ChallengeWindow!
}

"A flag's standing, from the chain: the dispute its signer opened on the attribution, else the attribution's."
enum FlagStatus {
  "not escalated; the attribution is still open"
  OPEN
  "the signer's dispute is open"
  DISPUTED
  "the signer's dispute was upheld (the poster slashed, nobody paid)"
  UPHELD
  "the signer's dispute was rejected (its bond forfeited)"
  REJECTED
  "not escalated and the attribution settled (or was upheld on someone else's dispute)"
  CLOSED
}

extend type AttributionFlag {
  "when the signer last replaced the flag (one flag per signer and attribution), wall clock"
  updatedAt: DateTime!
  "the chain's clock when the flag was last written: indexed head height and its block timestamp"
  chainHeight: Int
  chainTime: DateTime
  status: FlagStatus!
  "the signer's account on chain (stake, disputes opened, won and lost); null if it never appeared there"
  signer: Account
  "the dispute the signer opened on this attribution, if any"
  dispute: Dispute
}

extend type Query {
  "How many attributions auditQueue would list with these filters (for paging)."
  auditQueueCount(verdicts: [VerdictStatus!], states: [AuditState!], modelId: ID, poster: String, includeOpenDisputes: Boolean = true): Int!
}
`;
