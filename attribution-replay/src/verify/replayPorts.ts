import type { Hex } from 'viem';

/**
 * The two things a replay needs from the PoA workspace, as narrow ports: a verified artifact read and a
 * method runner. bindPoa.ts binds them to src/artifacts and src/poa; tests may bind them to fixtures.
 */
export interface ArtifactSource {
  /** The bytes whose sha256 is `hash`; throws (classified by `artifactProblem`) when absent or corrupt. */
  get(hash: Hex): Promise<Uint8Array>;
  put(bytes: Uint8Array): Promise<Hex>;
}

/** A recomputed posting for one query: the full score vector (training order) and what a poster would post. */
export interface Recomputation {
  scores: number[];
  resultHash: Hex;
  top: { contributionId: string; weightPpm: number; score: number }[];
  /** Contribution ids whose place in the top-K is decided by a near-tie in distance. */
  nearTies: string[];
}

export interface RunnerInput {
  method: string;
  /** Canonical parameter JSON as stored under paramsHash. */
  params: Uint8Array;
  trainingConfig: Uint8Array;
  checkpoints: { step: number; learningRate: number; onnx: Uint8Array; hash: Hex }[];
  train: { contributionId: string; content: Uint8Array }[];
  queries: { input: Uint8Array; output: Uint8Array }[];
}

export interface MethodRunner {
  /** Method ids this runner can replay (`knn-shapley@1`, `tracin-cp@1`). */
  readonly methods: readonly string[];
  /** Execution provider actually used ('cpu' is canonical). */
  readonly device: string;
  /** Recomputes every query of one model, method and parameter set in one batch. */
  run(input: RunnerInput): Promise<Recomputation[]>;
}

export type ArtifactProblem = 'missing' | 'hash-mismatch' | 'malformed';

/** The comparison of a posting with its recomputation (owned by src/poa: compareAttribution). */
export interface Comparison {
  verdict: 'VERIFIED' | 'MISMATCH';
  maxDeviationPpm: number;
  overCredited: string[];
  underCredited: string[];
  rows: import('./verdict.js').EvidenceRow[];
  notes?: string;
}

export type Compare = (
  posted: readonly import('./replayCase.js').PostedShare[],
  recomputed: Recomputation,
  tolerancePpm: number,
) => Comparison;
