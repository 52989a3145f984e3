import { gql } from '@apollo/client';

export const LINEAGE = gql`
  query Lineage($id: ID!, $direction: LineageDirection, $depth: Int) {
    lineage(id: $id, direction: $direction, depth: $depth) {
      nodes { id kind label data }
      edges { source target kind weight }
      truncated
    }
  }
`;
