import type { Hex } from 'viem';
import type { PostingFacts } from '../verify/replayCase.js';
import type { ArtifactSource } from '../verify/replayPorts.js';
import type { Verdict } from '../verify/verdict.js';

export interface EvidenceCheck {
  status: 'reproduced' | 'consistent' | 'inconsistent' | 'missing' | 'not-replay-evidence';
  summary: string;
}

/**
 * What a challenger's evidence document is worth next to the arbiter's own replay: byte for byte the same
 * evidence (`reproduced`), a replay evidence document about this very posting with the same verdict
 * (`consistent`), one about another posting or claiming another verdict (`inconsistent`), something else,
 * or nothing in the store. Reported with every ruling; the ruling itself rests on the arbiter's replay.
 */
export async function checkEvidence(
  store: ArtifactSource,
  hash: Hex,
  posting: PostingFacts,
  own: Verdict,
): Promise<EvidenceCheck> {
  let bytes: Uint8Array;
  try {
    bytes = await store.get(hash);
  } catch {
    return { status: 'missing', summary: `${hash} is not in the artifact store` };
  }
  if (own.evidenceHash?.toLowerCase() === hash.toLowerCase())
    return { status: 'reproduced', summary: `${hash} is byte for byte the arbiter's own replay evidence` };
  let doc: Record<string, unknown>;
  try {
    doc = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    return { status: 'not-replay-evidence', summary: `${hash} is not JSON` };
  }
  if (doc?.kind !== 'attribution-replay-evidence@1')
    return { status: 'not-replay-evidence', summary: `${hash} is not a replay evidence document` };
  const posted = Array.isArray(doc.posted) ? (doc.posted as Record<string, unknown>[]) : [];
  const samePosting =
    doc.attributionId === posting.attributionId &&
    String(doc.paramsHash).toLowerCase() === posting.paramsHash.toLowerCase() &&
    String(doc.resultHash).toLowerCase() === posting.resultHash.toLowerCase() &&
    posted.length === posting.shares.length &&
    posting.shares.every(
      (s, i) =>
        posted[i]?.contributionId === s.contributionId &&
        posted[i]?.weightPpm === s.weightPpm &&
        posted[i]?.score === s.score.toString(),
    );
  if (!samePosting)
    return { status: 'inconsistent', summary: `${hash} describes another posting than the chain's` };
  if (doc.verdict !== own.verdict)
    return {
      status: 'inconsistent',
      summary: `${hash} claims ${String(doc.verdict)}, the canonical replay says ${own.verdict}`,
    };
  return { status: 'consistent', summary: `${hash} agrees with the canonical replay (${own.verdict})` };
}
