// `@ae/attribution-replay/span-match`: what readers of artifacts need (the API: span-match@1 postings, model
// evaluations), without the ONNX runtime the package's main entry loads.
export { FolderArtifactStore } from './artifacts/FolderArtifactStore.js';
// and a model's held-out evaluation from its training config artifact (the API's Model.evaluation)
export {
  decodeModelEvaluation,
  type ModelEvaluation,
  readModelEvaluation,
} from './features/modelEvaluation.js';
export { type GeneratedSpans, readGeneratedSpans } from './methods/spanMatch/generatedSpans.js';
export { SPAN_MATCH_METHOD } from './methods/spanMatch/spanParams.js';
