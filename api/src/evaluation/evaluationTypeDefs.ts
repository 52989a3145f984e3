/**
 * A model's held-out evaluation (issue #19): the record the Model Factory wrote into the model's training
 * config artifact, which the chain names by Model.trainingConfigHash; read from the verified artifact store.
 */
export const evaluationTypeDefs = /* GraphQL */ `
"How a classifier did on held-out messages, as its trainer recorded it in the training config artifact."
type ModelEvaluation {
  "sha256 of the evaluation set artifact ({examples: [...]}): the figure can be re-measured on it"
  set: String!
  messages: Int!
  "share of the messages whose predicted class is their label, 0..1"
  accuracy: Float!
  "share of the larger class: what a model that always predicts it scores, 0..1"
  majorityRate: Float!
  "messages predicted as each class, class order"
  predicted: [Int!]!
  "classes predicted for at least one message (1 = the model predicts a single class)"
  classesPredicted: Int!
}

extend type Model {
  "held-out evaluation from the model's training config artifact; null when the artifact is not in the API's store (ARTIFACTS_DIR) or records none"
  evaluation: ModelEvaluation
}
`;
