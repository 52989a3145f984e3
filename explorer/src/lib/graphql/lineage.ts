import { gql } from '@apollo/client';

export const LINEAGE = gql`
  query Lineage($id: ID!, $direction: LineageDirection, $depth: Int, $kinds: [NodeKind!]) {
    lineage(id: $id, direction: $direction, depth: $depth, kinds: $kinds) {
      root
      nodes { id kind label entityId depth data }
      edges { source target kind weight unit amount }
      truncated
      nodeBudget
    }
  }
`;
