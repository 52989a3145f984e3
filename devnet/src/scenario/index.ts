export type { ScenarioEngine } from './engine.js';
export { type EventStreamDigest, eventStreamHash } from './eventStreamHash.js';
export { LIVE_TRUTH_FILE, type LiveTruthLine } from './liveTruth.js';
export { merkleLeaf, merkleProof, merkleRoot, verifyMerkleProof } from './merkle.js';
export { type RunScenarioOptions, runScenario } from './runScenario.js';
export { isScaleName, SCALES, type ScaleName, type ScalePreset } from './scales.js';
export { SCENARIO_EPOCH, scenarioGenesisTimestamp, seedStartTimestamp } from './seedClock.js';
export type {
  RewardRole,
  ScenarioTruth,
  TruthAttribution,
  TruthBadHash,
  TruthDispute,
  TruthManipulated,
} from './truth.js';
