/**
 * span-match@1 (issue #20): the generated answer of a text model's inference with every attributed span,
 * read from the content-addressed artifact store (the inference's output and the posting's result). The
 * spans are the posting's claim; Attribution.verdict says whether the replay agrees.
 */
export const spanTypeDefs = /* GraphQL */ `
"A span of a generated answer that contributions contain verbatim (span-match@1)."
type AttributedSpan {
  "first token and length in words@1 tokens"
  start: Int!
  length: Int!
  "UTF-16 offsets of the span in GeneratedAnswer.text: [charStart, charEnd)"
  charStart: Int!
  charEnd: Int!
  "the span's text (a chain-named artifact's content: render as text)"
  text: String!
  "occurrences of the span in the model's corpus"
  count: Int!
  "integer span-match@1 score: length x log2(N / count), 16 fractional bits"
  score: BigInt!
  "ids of the contributions that contain the span, training order"
  contributionIds: [String!]!
  contributions: [Contribution!]!
}

"A text model's generated answer with the spans its attribution credits."
type GeneratedAnswer {
  "the generated text (NFC), as stored in the inference's output artifact (render as text)"
  text: String!
  spans: [AttributedSpan!]!
}

extend type Attribution {
  "span-match@1 postings: the generated answer with its attributed spans; null for other methods or when the artifacts are not in the API's store (ARTIFACTS_DIR)"
  generatedAnswer: GeneratedAnswer
}
`;
