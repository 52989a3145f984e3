// Artifacts: content-addressed store, canonical JSON, hashes
export {
  ArtifactIntegrityError,
  ArtifactMalformedError,
  ArtifactNotFoundError,
  type ArtifactProblem,
  type ArtifactStore,
  artifactProblem,
} from './artifacts/ArtifactStore.js';
export { canonicalBytes, canonicalJson } from './artifacts/canonicalJson.js';
export { FolderArtifactStore, MemoryArtifactStore, normalizeHash } from './artifacts/FolderArtifactStore.js';
export { type Bytes32Hex, isBytes32Hex, sha256Hex } from './artifacts/sha256.js';
// Features and artifact formats
export {
  argmax,
  decodeExample,
  decodeInferenceInput,
  decodeInferenceOutput,
  decodeValidationSet,
  encodeExample,
  encodeInferenceInput,
  encodeInferenceOutput,
  encodeValidationSet,
  type LabelledExample,
} from './features/example.js';
export {
  type FeaturizerSpec,
  featurize,
  featurizeSparse,
  fitFeaturizer,
  fnv1a,
  parseFeaturizerSpec,
  type SparseFeatures,
} from './features/featurizer.js';
export {
  decodeModelEvaluation,
  type ModelEvaluation,
  readModelEvaluation,
} from './features/modelEvaluation.js';
export { parseTrainingConfig, type TrainingConfigHead } from './features/trainingConfig.js';
// Method registry (every runner behind one) and span-match@1 with the ∞-gram text model (methods/spanMatch)
export { createMethodRunner } from './methods/methodRunner.js';
export { routeRunners } from './methods/routeRunners.js';
export {
  buildCorpusIndex,
  type CorpusIndex,
  encodeCorpusIndex,
} from './methods/spanMatch/corpusIndex.js';
export { generate, nextTokenDistribution } from './methods/spanMatch/infiniGram.js';
export { spanMatch } from './methods/spanMatch/spanMatch.js';
export {
  SPAN_MATCH_METHOD,
  type SpanMatchParams,
  spanParamsArtifact,
} from './methods/spanMatch/spanParams.js';
export { decodeSpanResult, type SpanRecord, type SpanResult } from './methods/spanMatch/spanResult.js';
export { inferText, type TextModel, trainTextModel } from './methods/spanMatch/textModel.js';
export {
  decodeGeneratedOutput,
  encodeGeneratedOutput,
  TEXT_MODEL_FORMAT,
} from './methods/spanMatch/textModelFormats.js';
export { detokenize, TOKENIZER_ID, tokenize } from './methods/spanMatch/wordsTokenizer.js';
// ONNX
export { buildModel, type GraphSpec, type OnnxNode } from './onnx/buildModel.js';
export { type Embedded, embed } from './onnx/embed.js';
export { type Matrix, matrixFrom, row, sliceRows, transpose } from './onnx/matrix.js';
export { mlpCheckpointOnnx } from './onnx/mlpOnnx.js';
export { type MlpCheckpointWeights, parameterCount, readMlpWeights } from './onnx/mlpWeights.js';
export { DataType } from './onnx/onnxSchema.js';
export {
  canonicalSessionOptions,
  type OpenedSession,
  openSession,
  type Provider,
  type ProviderChoice,
  type SessionFactoryOptions,
} from './onnx/session.js';
// PoA engine
export {
  type Comparison,
  compareAttribution,
  DEFAULT_TOLERANCE_PPM,
  type EvidenceRow,
  type PostedShareLike,
} from './poa/compareAttribution.js';
export { knnShapleyFromOrder } from './poa/knnShapley.js';
export {
  findNearTies,
  type KnnShapleyBatchInput,
  knnShapleyBatch,
  NEAR_TIE_RELATIVE,
} from './poa/knnShapleyBatch.js';
// knn-shapley@2, TracIn self-influence, attribution quality (issue 19)
export { type KnnShapleyV2Input, knnShapleyV2, knnValidationValues } from './poa/knnShapleyV2.js';
export type { KnnShapleyV2Params } from './poa/postings.js';
export {
  MAX_TOP_K,
  METHODS,
  type MethodParams,
  type PoaMethodId,
  paramsArtifact,
  parseMethodParams,
  type Recomputation,
  resultArtifact,
  type Share,
  scoreToWad,
  topKIndices,
  topShares,
  toRecomputation,
} from './poa/postings.js';
export { knnShapleyLoop, tracinLoop } from './poa/reference.js';
export { selfInfluence } from './poa/selfInfluence.js';
export { quantizeScore, SCORE_QUANTUM, tieFairShares } from './poa/tieFairShares.js';
export { logitGradient, type TracinCheckpoint, type TracinInput, tracinCpBatch } from './poa/tracinCp.js';
export {
  TRAK_DEFAULTS,
  type TrakFeatures,
  type TrakParams,
  type TrakTrainSide,
  trakFeatures,
  trakScores,
  trakTrainSide,
} from './poa/trak.js';
export { projectionSigns } from './poa/trakProjection.js';
export { trakReference } from './poa/trakReference.js';
export { averageRanks, linearDatamodelingScore, spearman } from './quality/lds.js';
// Replay runner on artifact bytes (the scenario posts with it, so an honest posting is what a replay recomputes)
export { ArtifactRunner } from './verify/artifactRunner.js';
export type { MethodRunner, RunnerInput } from './verify/replayPorts.js';
