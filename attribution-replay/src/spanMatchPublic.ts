// `@ae/attribution-replay/span-match`: what readers of span-match@1 postings need (the API), without the
// ONNX runtime the package's main entry loads.
export { FolderArtifactStore } from './artifacts/FolderArtifactStore.js';
export { type GeneratedSpans, readGeneratedSpans } from './methods/spanMatch/generatedSpans.js';
export { SPAN_MATCH_METHOD } from './methods/spanMatch/spanParams.js';
