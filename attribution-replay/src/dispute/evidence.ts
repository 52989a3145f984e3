import type { Hex } from 'viem';
import { canonicalBytes } from '../artifacts/canonicalJson.js';
import { sha256Hex } from '../artifacts/sha256.js';
import type { PostingFacts } from '../verify/replayCase.js';
import type { ArtifactSource } from '../verify/replayPorts.js';
import type { Verdict } from '../verify/verdict.js';

/**
 * The evidence JSON of a verdict: what was posted, what the canonical replay recomputed, and the per
 * contribution deviations; keys sorted so the same verdict always hashes the same. Stored in the artifact
 * store; its sha256 goes on chain with a dispute, so anyone can fetch it and replay it themselves.
 */
export function evidenceJson(posting: PostingFacts, v: Verdict, tolerancePpm: number): Uint8Array {
  const doc = {
    kind: 'attribution-replay-evidence@1',
    attributionId: v.attributionId,
    inferenceId: posting.inferenceId,
    modelId: posting.modelId,
    method: v.method,
    paramsHash: posting.paramsHash,
    resultHash: posting.resultHash,
    verdict: v.verdict,
    device: v.device,
    tolerancePpm,
    maxDeviationPpm: v.maxDeviationPpm ?? null,
    overCredited: v.overCredited ?? [],
    underCredited: v.underCredited ?? [],
    posted: posting.shares.map((s) => ({
      contributionId: s.contributionId,
      score: s.score.toString(),
      weightPpm: s.weightPpm,
    })),
    recomputed: v.recomputed ?? [],
    rows: v.rows ?? [],
    reason: v.reason ?? null,
    artifact: v.artifact ?? null,
    // only for methods that check their full result (span-match@1), so other evidence hashes are unchanged
    ...(v.resultDiff !== undefined ? { resultDiff: v.resultDiff } : {}),
  };
  return canonicalBytes(doc);
}

/** Stores the evidence and returns its hash. */
export async function storeEvidence(
  store: ArtifactSource,
  posting: PostingFacts,
  v: Verdict,
  tolerancePpm: number,
): Promise<Hex> {
  return store.put(evidenceJson(posting, v, tolerancePpm));
}

/** The evidence's hash without storing it: what a read-only replay (`verify`) reports. */
export function evidenceHash(posting: PostingFacts, v: Verdict, tolerancePpm: number): Hex {
  return sha256Hex(evidenceJson(posting, v, tolerancePpm));
}
