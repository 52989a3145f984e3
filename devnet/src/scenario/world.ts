import type { ContractName, JsonRpc } from '@ae/core';
import type { Address, Hex, LocalAccount } from 'viem';
import type { ScenarioAccounts } from './accounts.js';
import type {
  CorpusMessage,
  EnginePosting,
  ScenarioEngine,
  ScoredQuery,
  TrainedModel,
  TrainingExample,
} from './engine.js';
import type { GovernanceTruth } from './governance/governanceTruth.js';
import type { Ledger } from './ledger.js';
import type { ScenarioPlan } from './plan.js';
import type { ProtocolCalls } from './protocol.js';
import type { BlockRunner } from './runner/blockRunner.js';
import type { TruthBadHash, TruthDispute, TruthManipulated } from './truth.js';

export interface ProtocolParamsOnChain {
  minPosterStake: bigint;
  minProviderStake: bigint;
  unstakeCooldown: number;
  challengeWindow: number;
  minBond: bigint;
  slashAmount: bigint;
}

export interface DatanetState {
  id: bigint;
  /** Contribution plan keys in chain (id) order. */
  order: number[];
  versions: { version: number; count: number; root: Hex; training: TrainingExample[] }[];
}

export interface AttributionRecord {
  attributionId: bigint;
  inferenceId: bigint;
  poster: LocalAccount;
  contributors: Address[];
  weights: number[];
  /** Block timestamp of the posting: the challenge window runs from here. */
  postedAt: number;
  settled: boolean;
}

/** Everything a phase of the scenario reads and writes: chain handles, the plan, and ids learnt so far. */
export interface World {
  rpc: JsonRpc;
  runner: BlockRunner;
  calls: ProtocolCalls;
  contracts: Record<ContractName, Address>;
  chainId: number;
  plan: ScenarioPlan;
  accounts: ScenarioAccounts;
  gov: LocalAccount;
  arbiter: LocalAccount;
  treasury: Address;
  params: ProtocolParamsOnChain;
  ledger: Ledger;
  engine: ScenarioEngine;
  corpus: CorpusMessage[];
  log: (line: string) => void;
  /** By plan key. */
  contributionIds: bigint[];
  contributionHashes: Hex[];
  datanets: DatanetState[];
  modelIds: bigint[];
  models: TrainedModel[];
  modelTraining: TrainingExample[][];
  /** Held-out accuracy of each model (plan key order), on the evaluation messages (phases/models.ts). */
  modelAccuracy: number[];
  /** The evaluation set's size and the share of its larger class (what a model that learnt nothing scores). */
  modelEvaluation?: { messages: number; majorityRate: number };
  /** knn-shapley@2's validation set (true labels): the first VALIDATION_MESSAGES evaluation messages. */
  validation?: CorpusMessage[];
  inferenceIds: bigint[];
  /** Every attribution posted so far. */
  all: AttributionRecord[];
  /** Sends the permissionless housekeeping calls (settlement). */
  keeper: LocalAccount;
  contributorById: Map<bigint, Address>;
  datanetById: Map<bigint, bigint>;
  truth: {
    honest: bigint[];
    manipulated: TruthManipulated[];
    badHash: TruthBadHash[];
    upheld: TruthDispute[];
    rejected: TruthDispute[];
    lineage?: { inferenceId: bigint; attributionId: bigint; topContributionId: bigint; topDatanetId: bigint };
  };
  /** What the governance phase played (scenario-truth.json's `governance`). */
  governance?: GovernanceTruth;
  /** Engine results reused across queries of the same input (the posted values stay the engine's). */
  caches: { inference: Map<string, ScoredQuery>; posting: Map<string, EnginePosting> };
}
