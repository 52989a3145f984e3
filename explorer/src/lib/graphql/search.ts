import { gql } from '@apollo/client';

export const SEARCH = gql`
  query Search($text: String!, $limit: Int) {
    search(text: $text, limit: $limit) {
      kind
      id
      nodeId
      label
      matchedBy
      exact
    }
  }
`;

export interface SearchHit {
  kind: string;
  id: string;
  label: string | null;
  nodeId?: string | null;
  matchedBy?: string;
  exact?: boolean;
}
