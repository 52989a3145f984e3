import { createHash } from 'node:crypto';
import type { Hex } from 'viem';
import type { PostedShare } from '../src/verify/replayCase.js';
import type {
  ArtifactProblem,
  ArtifactSource,
  Comparison,
  MethodRunner,
  Recomputation,
  RunnerInput,
} from '../src/verify/replayPorts.js';
import type { EvidenceRow } from '../src/verify/verdict.js';

/**
 * Test fixtures for the replay's orchestration (not for the PoA math, which src/poa owns and tests):
 * an in-memory content-addressed store that verifies reads, a tiny deterministic "method" and a comparison.
 */
export class MemoryStore implements ArtifactSource {
  readonly blobs = new Map<string, Uint8Array>();
  reads = 0;
  async get(hash: Hex): Promise<Uint8Array> {
    this.reads++;
    const b = this.blobs.get(hash.toLowerCase());
    if (!b) throw Object.assign(new Error(`artifact ${hash} missing`), { problem: 'missing' });
    if (sha256(b) !== hash.toLowerCase())
      throw Object.assign(new Error(`artifact ${hash} corrupt`), { problem: 'hash-mismatch' });
    return b;
  }
  async put(bytes: Uint8Array): Promise<Hex> {
    const h = sha256(bytes);
    this.blobs.set(h, bytes);
    return h;
  }
  putText(s: string): Promise<Hex> {
    return this.put(new TextEncoder().encode(s));
  }
}

export function sha256(b: Uint8Array): Hex {
  return `0x${createHash('sha256').update(b).digest('hex')}`;
}

export function problemOf(e: unknown): ArtifactProblem | undefined {
  return (e as { problem?: ArtifactProblem }).problem;
}

/** Toy method "toy@1": score = 1 / (1 + |value(train) - value(query)|), params {"k":K}. */
export function toyScores(train: number[], query: number, k: number, ids: string[]): Recomputation {
  const scores = train.map((t) => 1 / (1 + Math.abs(t - query)));
  const order = scores
    .map((s, i) => i)
    .sort((a, b) => scores[b] - scores[a] || a - b)
    .slice(0, k);
  const sum = order.reduce((s, i) => s + scores[i], 0);
  const top = order.map((i) => ({
    contributionId: ids[i],
    weightPpm: Math.round((1e6 * scores[i]) / sum),
    score: scores[i],
  }));
  return { scores, resultHash: sha256(new TextEncoder().encode(JSON.stringify(scores))), top, nearTies: [] };
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

export function toyCompare(posted: readonly PostedShare[], rec: Recomputation, tol: number): Comparison {
  const r = new Map(rec.top.map((t) => [t.contributionId, t.weightPpm]));
  const p = new Map(posted.map((s) => [s.contributionId, s.weightPpm]));
  const ids = [...new Set([...p.keys(), ...r.keys()])];
  const rows: EvidenceRow[] = ids.map((id) => {
    const dev = (p.get(id) ?? 0) - (r.get(id) ?? 0);
    return {
      contributionId: id,
      postedPpm: p.get(id) ?? null,
      recomputedPpm: r.get(id) ?? null,
      deviationPpm: Math.abs(dev),
      flag: Math.abs(dev) <= tol ? 'ok' : dev > 0 ? 'over' : 'under',
    };
  });
  const max = Math.max(0, ...rows.map((x) => x.deviationPpm));
  return {
    verdict: max <= tol ? 'VERIFIED' : 'MISMATCH',
    maxDeviationPpm: max,
    overCredited: rows.filter((x) => x.flag === 'over').map((x) => x.contributionId),
    underCredited: rows.filter((x) => x.flag === 'under').map((x) => x.contributionId),
    rows,
  };
}
