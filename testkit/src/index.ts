export { type FaultKind, type FaultPoint, type FaultProxy, startFaultProxy } from './chain/faultProxy.js';
export { createTestDatabase, type TestDatabase } from './db/createTestDatabase.js';
export { type IndexerHandle, type StartIndexerOptions, startIndexer } from './indexer/startIndexer.js';
export { Books } from './money/books.js';
export { buildChainLedger } from './money/chainLedger.js';
export { buildWorld, FEE, h, OPEN, posting, recordInference, type World } from './protocol/buildWorld.js';
export {
  ACTIVITY_FEE,
  type ActivityWorld,
  activityRound,
  setupActivity,
} from './protocol/generateActivity.js';
export {
  type GovAction,
  GovernanceDriver,
  ProposalState,
  type ProposalStateName,
  proposalCall,
  Support,
} from './protocol/governance.js';
export {
  ACTORS,
  type Actor,
  type DecodedEvent,
  ProtocolDriver,
  type Wallet,
} from './protocol/ProtocolDriver.js';
export { writeRawStrings } from './protocol/writeRawStrings.js';
export { postCopiedPosting } from './scenario/postCopiedPosting.js';
export { type ScenarioHarness, startScenarioHarness } from './scenario/scenarioHarness.js';
export { type Gql, readTruthFigures } from './scenario/truthFigures.js';
