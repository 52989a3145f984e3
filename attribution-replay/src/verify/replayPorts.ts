import type { Hex } from 'viem';
import type { Comparison } from '../poa/compareAttribution.js';
import type { Recomputation } from '../poa/postings.js';

/**
 * The two things a replay needs from the PoA workspace, as narrow ports: a verified artifact read and a
 * method runner. bindPoa.ts binds them to src/artifacts and src/poa; tests may bind them to fixtures.
 */
export interface ArtifactSource {
  /** The bytes whose sha256 is `hash`; throws (classified by `artifactProblem`) when absent or corrupt. */
  get(hash: Hex): Promise<Uint8Array>;
  put(bytes: Uint8Array): Promise<Hex>;
}

export type { Recomputation } from '../poa/postings.js';

export interface RunnerInput {
  method: string;
  /** Canonical parameter JSON as stored under paramsHash. */
  params: Uint8Array;
  trainingConfig: Uint8Array;
  checkpoints: { step: number; learningRate: number; onnx: Uint8Array; hash: Hex }[];
  train: { contributionId: string; content: Uint8Array }[];
  queries: { input: Uint8Array; output: Uint8Array }[];
  /**
   * Reads a further artifact the parameters name by hash (knn-shapley@2's validation set), verified against
   * it; its faults are the store's (missing, corrupt), so the posting is UNVERIFIABLE naming it.
   */
  artifact?: (hash: Hex) => Promise<Uint8Array>;
}

export interface MethodRunner {
  /** Method ids this runner can replay (`knn-shapley@1`, `tracin-cp@1`). */
  readonly methods: readonly string[];
  /** Execution provider actually used ('cpu' is canonical). */
  readonly device: string;
  /** Recomputes every query of one model, method and parameter set in one batch. */
  run(input: RunnerInput): Promise<Recomputation[]>;
}

export type { ArtifactProblem } from '../artifacts/ArtifactStore.js';

/** The comparison of a posting with its recomputation: src/poa's compareAttribution has this signature. */
export type Compare = (
  posted: readonly import('./replayCase.js').PostedShare[],
  recomputed: Recomputation,
  tolerancePpm: number,
) => Comparison;
