import { gql } from '@apollo/client';

export const FLAG_DOMAIN = gql`
  query FlagDomain {
    flagDomain { name version chainId verifyingContract }
  }
`;

export const FLAG_ATTRIBUTION = gql`
  mutation FlagAttribution($attributionId: ID!, $reason: String!, $auditor: String!, $deadline: BigInt!, $nonce: BigInt!, $signature: String!) {
    flagAttribution(attributionId: $attributionId, reason: $reason, auditor: $auditor, deadline: $deadline, nonce: $nonce, signature: $signature) {
      id attributionId auditor reason createdAt
    }
  }
`;

export const RECENT_FLAGS = gql`
  query RecentFlags {
    attributionFlags(limit: 10) { id attributionId auditor reason createdAt updatedAt chainTime status }
  }
`;
