import type { Hex } from 'viem';
import type { EvidenceRow } from '../poa/compareAttribution.js';

export type VerdictStatus = 'VERIFIED' | 'MISMATCH' | 'UNVERIFIABLE';

export interface RecomputedShare {
  contributionId: string;
  weightPpm: number;
  /** float64 score as recomputed (JSON number). */
  score: number;
}

export type { EvidenceRow } from '../poa/compareAttribution.js';

/** What a replay concludes about one attribution; the worker stores it and the CLI prints it. */
export interface Verdict {
  attributionId: string;
  method: string;
  verdict: VerdictStatus;
  maxDeviationPpm?: number;
  overCredited?: string[];
  underCredited?: string[];
  recomputed?: RecomputedShare[];
  /** UNVERIFIABLE: which artifact and why; otherwise notes (near-ties, provider fallback). */
  reason?: string;
  /** The artifact at fault (UNVERIFIABLE for an artifact reason). */
  artifact?: { role: string; hash: string; problem: 'missing' | 'hash-mismatch' | 'malformed' };
  rows?: EvidenceRow[];
  /** How the posted result artifact differs from the recomputed one (span-match@1: the differing spans). */
  resultDiff?: unknown;
  /** UNVERIFIABLE only because the index has not caught up (not the evidence's fault: never disputed). */
  indexGap?: boolean;
  /** Execution provider that produced the embeddings (cpu is canonical). */
  device: string;
  evidenceHash?: Hex;
  disputeTxHash?: Hex;
  replayedAt: Date;
}

/**
 * Whether a verdict says the posting must not be paid: it does not replay (MISMATCH), or its evidence is
 * missing, corrupt or names an unknown method (UNVERIFIABLE, except while the index lags). The worker
 * disputes exactly these, and the devnet arbiter upholds exactly these.
 */
export function mustNotBePaid(v: Pick<Verdict, 'verdict' | 'indexGap'>): boolean {
  return v.verdict === 'MISMATCH' || (v.verdict === 'UNVERIFIABLE' && !v.indexGap);
}

/** Process exit code of `verify`: 0 verified, 1 mismatch, 2 unverifiable. */
export function exitCodeOf(v: VerdictStatus): 0 | 1 | 2 {
  return v === 'VERIFIED' ? 0 : v === 'MISMATCH' ? 1 : 2;
}

/** The verdict row id: one per (attribution, method), so at-least-once jobs overwrite instead of append. */
export function verdictId(attributionId: string, method: string): string {
  return `${attributionId}:${method}`;
}
