import { gql } from '@apollo/client';

export const INDEXER_STATUS = gql`
  query IndexerStatus {
    indexerStatus {
      headHeight
      indexedHeight
      lag
      chainId
      updatedAt
    }
  }
`;
