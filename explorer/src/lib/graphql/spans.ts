import { gql } from '@apollo/client';

/** A span-match@1 posting's generated answer with its attributed spans (null for other methods). */
export const GENERATED_ANSWER = gql`
  query GeneratedAnswer($id: String!) {
    attributionById(id: $id) {
      id
      generatedAnswer { text spans { charStart charEnd text count score contributionIds } }
    }
  }
`;

/** Span-match@1 postings that credit a contribution, with their answers (the contribution page's quotes). */
export const QUOTED_IN = gql`
  query QuotedIn($id: String!) {
    attributionShares(
      where: { contribution: { id_eq: $id }, attribution: { method_eq: "span-match@1" } }
      orderBy: weightPpm_DESC
      limit: 20
    ) {
      id weightPpm
      attribution {
        id status inference { id }
        generatedAnswer { text spans { charStart charEnd text count score contributionIds } }
      }
    }
  }
`;
