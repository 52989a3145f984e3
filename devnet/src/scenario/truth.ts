import { mkdir, rename, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Address, Hex } from 'viem';
import type { GovernanceTruth } from './governance/governanceTruth.js';
import type { AttributionKind, PoaMethod } from './plan.js';

/** Reward roles as the RewardDistributor numbers them. */
export const REWARD_ROLES = ['CONTRIBUTOR', 'MODEL_OWNER', 'PROVIDER', 'STAKER', 'PROTOCOL'] as const;
export type RewardRole = (typeof REWARD_ROLES)[number];

export interface TruthAttribution {
  attributionId: string;
  inferenceId: string;
  modelId: string;
  method: PoaMethod;
  poster: Address;
}

export interface TruthManipulated extends TruthAttribution {
  how: 'weight-moved' | 'contribution-swapped';
  colluder: Address;
  /** Contribution ids that gained weight / lost it compared with the engine's honest result. */
  overCredited: string[];
  underCredited: string[];
}

export interface TruthBadHash extends TruthAttribution {
  how: Extract<AttributionKind, 'bad-result-hash' | 'bad-params-hash' | 'missing-artifact'>;
  /** The hash as posted, which names no stored artifact (or names one never stored). */
  artifact: Hex;
}

export interface TruthDispute {
  disputeId: string;
  attributionId: string;
  challenger: Address;
}

/**
 * `.data/scenario-truth.json`: what the scenario knows that the chain does not say — which postings lie and
 * how, which disputes must be upheld — plus the totals the chain must add up to. Ids are decimal strings,
 * amounts are wei as decimal strings.
 */
export interface ScenarioTruth {
  version: 1;
  seed: number;
  scale: string;
  manipulatedShare: number;
  chainId: number;
  rpcUrl: string;
  contracts: Record<string, Address>;
  /** First and last block the scenario mined, and the event-stream hash over [0, endBlock]. */
  startBlock: string;
  endBlock: string;
  startTimestamp: number;
  eventStreamHash: Hex;
  accounts: Record<string, Address[]>;
  attributions: {
    honest: string[];
    manipulated: TruthManipulated[];
    badHash: TruthBadHash[];
  };
  disputes: { upheld: TruthDispute[]; rejected: TruthDispute[] };
  expected: {
    /** Events the scenario's own transactions emitted, by event name. */
    eventCounts: Record<string, number>;
    /** Entities created, by kind. */
    entityCounts: Record<string, number>;
    /** Sum of RewardAccrued per role, wei. */
    paidPerRole: Record<RewardRole, string>;
    totalFees: string;
    totalClaimed: string;
    totalSlashed: string;
    /** Accounts that claimed and the amount, wei. */
    claims: Record<Address, string>;
  };
  /** Each model with its kind, base and held-out accuracy (on `modelEvaluation`'s unused messages). */
  models: { modelId: string; name: string; kind: string; baseModelId: string; heldOutAccuracy: number }[];
  /** The messages models are judged on: how many, and the majority class's share among them. */
  modelEvaluation: { messages: number; majorityRate: number };
  lineage: {
    maxDepth: number;
    /** Model ids from the root BASE model to the deepest one. */
    path: string[];
    /** An inference on the deepest model, its attribution, and the top contribution with its datanet. */
    inferenceId: string;
    attributionId: string;
    topContributionId: string;
    topContributionDatanetId: string;
  };
  /** Delegations, proposals with their tallies and final states, grants (the governance phase). */
  governance?: GovernanceTruth;
  timing: {
    wallSeconds: number;
    events: number;
    eventsPerSecond: number;
    blocks: number;
    transactions: number;
  };
}

export async function writeTruth(dataDir: string, truth: ScenarioTruth): Promise<string> {
  const path = join(dataDir, 'scenario-truth.json');
  await mkdir(dirname(path), { recursive: true });
  const tmp = `${path}.${process.pid}.tmp`;
  await writeFile(tmp, `${JSON.stringify(truth, null, 2)}\n`);
  await rename(tmp, path);
  return path;
}
