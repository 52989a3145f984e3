import { gql } from '@apollo/client';

const CHALLENGE = 'challenge { closesAt secondsLeft open chainTime }';
const FLAG =
  'id attributionId auditor reason createdAt updatedAt chainTime chainHeight status dispute { id status } signer { id stake totalSlashed disputesOpened disputesWon disputesLost }';

/** One attribution with everything its page shows: posting, shares, verdicts, disputes, flags, audit state. */
export const ATTRIBUTION = gql`
  query Attribution($id: String!) {
    attributionById(id: $id) {
      id method paramsHash resultHash resultURI status shareCount totalWeightPpm settled settledPaid settledAmount settledAt
      timestamp blockNumber txHash auditState ${CHALLENGE}
      inference { id fee model { id name } }
      poster { id stake totalSlashed postingsUpheldAgainst attributionsPosted }
      shares(orderBy: rank_ASC, limit: 64) { id rank weightPpm score reward contribution { id } contributor { id } datanet { id name } }
      disputes(orderBy: openedBlock_DESC) { id status challenger { id } bond upheld slashed openedAt resolvedAt evidenceHash txHash resolvedTxHash }
      verdicts { id method verdict maxDeviationPpm overCredited underCredited recomputed reason evidenceHash device disputeTxHash replayedAt chainTime chainHeight }
      flags { ${FLAG} }
    }
  }
`;

/** The audit fields of an attribution, for the inference page (which loads the posting itself). */
export const ATTRIBUTION_AUDIT = gql`
  query AttributionAudit($id: String!) {
    attributionById(id: $id) {
      id status settled settledPaid settledAmount auditState ${CHALLENGE}
      poster { id stake totalSlashed postingsUpheldAgainst }
      disputes(orderBy: openedBlock_DESC) { id status challenger { id } bond upheld slashed openedAt resolvedAt evidenceHash }
      flags { ${FLAG} }
    }
  }
`;

export const AUDIT_QUEUE = gql`
  query AuditQueue($verdicts: [VerdictStatus!], $states: [AuditState!], $modelId: ID, $poster: String, $orderBy: AuditOrder, $limit: Int, $offset: Int) {
    auditQueue(verdicts: $verdicts, states: $states, modelId: $modelId, poster: $poster, orderBy: $orderBy, limit: $limit, offset: $offset) {
      state openDisputes flagCount ${CHALLENGE}
      attribution { id method timestamp blockNumber poster { id } model { id name } inference { id } }
      verdict { verdict maxDeviationPpm }
      dispute { id status }
    }
    auditQueueCount(verdicts: $verdicts, states: $states, modelId: $modelId, poster: $poster)
  }
`;
