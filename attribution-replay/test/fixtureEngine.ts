import type { Hex } from 'viem';
import { artifactProblem } from '../src/artifacts/ArtifactStore.js';
import { MemoryArtifactStore } from '../src/artifacts/FolderArtifactStore.js';
import { compareAttribution } from '../src/poa/compareAttribution.js';
import { type Recomputation, toRecomputation } from '../src/poa/postings.js';
import type { MethodRunner, RunnerInput } from '../src/verify/replayPorts.js';

/**
 * Fixtures for the replay's orchestration tests (queue, batching, artifact faults), not for the PoA math,
 * which src/poa owns and tests: the real verified in-memory store and comparison, and a tiny deterministic
 * method "toy@1" whose scores are cheap to compute: score = 1 / (1 + |value(train) − value(query)|).
 */
export class MemoryStore extends MemoryArtifactStore {
  putText(s: string): Promise<Hex> {
    return this.put(new TextEncoder().encode(s));
  }
}

export const problemOf = artifactProblem;
export const toyCompare = compareAttribution;

export function toyScores(train: number[], query: number, k: number, ids: string[]): Recomputation {
  return toRecomputation(
    train.map((t) => 1 / (1 + Math.abs(t - query))),
    ids,
    k,
  );
}

export class ToyRunner implements MethodRunner {
  readonly methods = ['toy@1'];
  readonly device = 'cpu';
  calls: number[] = [];
  async run(input: RunnerInput): Promise<Recomputation[]> {
    this.calls.push(input.queries.length);
    const { k } = JSON.parse(new TextDecoder().decode(input.params));
    const train = input.train.map((t) => Number(new TextDecoder().decode(t.content)));
    const ids = input.train.map((t) => t.contributionId);
    return input.queries.map((q) => toyScores(train, Number(new TextDecoder().decode(q.input)), k, ids));
  }
}
