import type pg from 'pg';
import type { ChallengeClock } from '../dispute/challengeClock.js';
import type { Disputer } from '../dispute/disputer.js';
import { evidenceHash, storeEvidence } from '../dispute/evidence.js';
import { type ReplayDeps, replayModelBatch } from '../verify/replayBatch.js';
import type { PostingFacts } from '../verify/replayCase.js';
import { mustNotBePaid, type Verdict } from '../verify/verdict.js';
import { storedDisputeTx, writeVerdict } from '../verify/writeVerdict.js';
import { loadModel, loadPostings } from './indexedReads.js';

export interface ProcessDeps extends ReplayDeps {
  db: pg.Pool;
  disputer?: Disputer;
  /** The canonical CPU runner: a MISMATCH found on a GPU is replayed on it before any dispute. */
  canonicalRunner?: ReplayDeps['runner'];
  log?: (line: string) => void;
  /**
   * The worker's loud lines: a posting that must not be paid but will not be disputed in time (no key, no
   * budget, bond above the ceiling, window closed). Unset (the verify CLI), nothing is said or noted.
   */
  warn?: (line: string) => void;
  /** Time left in a window on the chain clock, for those lines. */
  clock?: ChallengeClock;
  /**
   * Read-only (the verify CLI): the evidence hash is computed but nothing is put in the artifact store.
   * Disputes need stored evidence, so a read-only replay never disputes either.
   */
  readOnly?: boolean;
}

export interface ProcessedVerdict {
  verdict: Verdict;
  posting?: PostingFacts;
}

/**
 * Replays a batch of attributions: reads their postings in one query, groups them by model so each
 * model's checkpoints and training set are loaded and embedded once, stores evidence, disputes
 * MISMATCHes when a dispute key is configured, and upserts one verdict per (attribution, method).
 * Idempotent: a redelivered job rewrites the same row and never disputes twice.
 */
export async function processAttributions(
  deps: ProcessDeps,
  attributionIds: readonly string[],
): Promise<ProcessedVerdict[]> {
  const postings = await loadPostings(deps.db, attributionIds);
  const out: ProcessedVerdict[] = [];
  for (const id of attributionIds) {
    if (!postings.has(id)) {
      const v: Verdict = {
        attributionId: id,
        method: 'unknown',
        verdict: 'UNVERIFIABLE',
        reason: `attribution ${id} is not indexed`,
        indexGap: true,
        device: deps.runner.device,
        replayedAt: new Date(),
      };
      out.push({ verdict: v });
    }
  }
  const byModel = new Map<string, PostingFacts[]>();
  for (const p of postings.values()) byModel.set(p.modelId, [...(byModel.get(p.modelId) ?? []), p]);
  for (const [modelId, group] of byModel) {
    const model = await loadModel(deps.db, modelId);
    const verdicts = await replayModelBatch(deps, model, group);
    if (deps.disputer && deps.runner.device !== 'cpu') await confirmOnCpu(deps, model, group, verdicts);
    for (const v of verdicts) {
      const posting = postings.get(v.attributionId)!;
      v.evidenceHash = deps.readOnly
        ? evidenceHash(posting, v, deps.tolerancePpm)
        : await storeEvidence(deps.artifacts, posting, v, deps.tolerancePpm);
      // read-only: only looks up a recorded dispute, never opens one
      if (mustNotBePaid(v))
        await dispute(deps.readOnly ? { ...deps, disputer: undefined } : deps, posting, v);
      out.push({ verdict: v, posting });
    }
  }
  return out;
}

/** Writes the verdicts that belong in the table (an id that names no indexed attribution writes nothing). */
export async function persistVerdicts(db: pg.Pool, results: readonly ProcessedVerdict[]): Promise<void> {
  for (const r of results) if (r.posting) await writeVerdict(db, r.verdict);
}

/**
 * A GPU replay is a fast first pass; only a canonical (CPU) mismatch is evidence. Before disputing, the
 * MISMATCHes of a non-CPU pass are replayed on the canonical runner and their verdicts replaced by its.
 */
async function confirmOnCpu(
  deps: ProcessDeps,
  model: Awaited<ReturnType<typeof loadModel>>,
  group: PostingFacts[],
  verdicts: Verdict[],
): Promise<void> {
  const suspects = group.filter((p) =>
    verdicts.some((v) => v.attributionId === p.attributionId && v.verdict === 'MISMATCH'),
  );
  if (suspects.length === 0) return;
  if (!deps.canonicalRunner) {
    for (const v of verdicts)
      if (v.verdict === 'MISMATCH')
        v.reason = appendNote(v.reason, 'not confirmed on the canonical CPU replay');
    return;
  }
  const confirmed = await replayModelBatch({ ...deps, runner: deps.canonicalRunner }, model, suspects);
  for (const c of confirmed) {
    const i = verdicts.findIndex((v) => v.attributionId === c.attributionId);
    verdicts[i] = c;
  }
}

/**
 * Disputes a verdict that must not be paid, or, when that cannot happen before the window closes, says so
 * loudly (deps.warn) and notes why on the verdict, which the API and explorer show.
 */
async function dispute(deps: ProcessDeps, posting: PostingFacts, v: Verdict): Promise<void> {
  const what = `attribution ${v.attributionId} (${v.verdict})`;
  const previous = await storedDisputeTx(deps.db, v.attributionId, v.method);
  if (previous) {
    v.disputeTxHash = previous as `0x${string}`;
    return;
  }
  const loud = async (why: string) => {
    if (!deps.warn) return;
    v.reason = appendNote(v.reason, `not disputed: ${why}`);
    const left = await deps.clock?.secondsLeft(posting.postedAt);
    const when =
      left === undefined
        ? 'its window on the chain clock is unknown'
        : left > 0
          ? `its window closes in ${left} s of chain time`
          : `its window closed ${-left} s ago on the chain clock`;
    deps.warn(`replay: WARNING ${what} is NOT disputed: ${why}; ${when}; it will be paid unverified`);
  };
  if (posting.status === 'SETTLED') {
    if (deps.warn) {
      v.reason = appendNote(v.reason, 'settled unverified: paid before the replay could dispute it');
      deps.warn(
        `replay: WARNING ${what} was settled and PAID before it could be disputed (settled unverified)`,
      );
    }
    return;
  }
  if (posting.status !== 'POSTED') {
    if (deps.warn) v.reason = appendNote(v.reason, `not disputed: attribution is ${posting.status}`);
    return;
  }
  if (!deps.disputer)
    return loud('no dispute key (set REPLAY_DISPUTE_KEY, or REPLAY_DISPUTE_AS on a devnet)');
  if (v.device !== 'cpu') {
    v.reason = appendNote(
      v.reason,
      `not disputed: found on ${v.device}, not confirmed on the canonical CPU replay`,
    );
    return;
  }
  const res = await deps.disputer.dispute(v.attributionId, v.evidenceHash!);
  if (res.opened) {
    v.disputeTxHash = res.txHash;
    deps.log?.(
      `replay: disputed ${what} with a bond of ${res.bond} wei, ${res.closesAt - res.disputedAt} s of chain time before its window closed (tx ${res.txHash}, evidence ${v.evidenceHash})`,
    );
  } else if (res.code === 'not-open') v.reason = appendNote(v.reason, `not disputed: ${res.reason}`);
  else await loud(res.reason);
}

function appendNote(a: string | undefined, b: string): string {
  return a ? `${a}; ${b}` : b;
}
