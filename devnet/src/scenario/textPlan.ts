import type { PlannedDatanet, PlannedInference, PlannedModel } from './plan.js';
import type { Rng } from './rng.js';
import type { ScalePreset } from './scales.js';

/** The text model's name on chain. */
export const TEXT_MODEL_NAME = 'spam-infinigram';

/**
 * Issue #20's part of the plan, appended after everything else (its own RNG fork, its own corpus slice
 * after the held-out messages), so the rest of the plan is the same as without it: an open text datanet of
 * SpamAssassin messages, an ∞-gram text model trained on it, and inferences that generate continuations,
 * attributed with span-match@1 — honest ones and two manipulated ones (weight moved, contribution swapped)
 * posted by the colluding provider. Nothing is appended when the corpus has no messages left.
 */
export function appendTextPlan(
  rng: Rng,
  scale: ScalePreset,
  free: readonly number[],
  plan: { datanets: PlannedDatanet[]; models: PlannedModel[]; inferences: PlannedInference[] },
): void {
  const size = Math.min(scale.contributionsPerDatanet, free.length);
  if (size === 0) return;
  const { datanets, models, inferences } = plan;
  let key = datanets.reduce((n, d) => n + d.contributions.length, 0);
  const d = datanets.length;
  datanets.push({
    key: d,
    name: 'SpamAssassin Text Corpus',
    curated: false,
    owner: d % scale.curators,
    curators: [],
    contributions: free.slice(0, size).map((message) => ({
      key: key++,
      datanet: d,
      contributor: rng.int(0, scale.contributors - 1),
      message,
      accept: true,
    })),
    versionCuts: [size],
  });
  const m = models.length;
  models.push({
    key: m,
    name: TEXT_MODEL_NAME,
    kind: 'BASE',
    trainer: m % scale.trainers,
    provider: m % (scale.providers - 1),
    datanet: d,
    feeWei: BigInt(rng.int(1, 20)) * 10n ** 15n,
    depth: 0,
    family: 'text',
  });
  const n = Math.max(6, Math.round(scale.inferences * 0.05));
  const first = inferences.length;
  for (let j = 0; j < n; j++) {
    const manipulated = j === 1 || j === 2;
    inferences.push({
      key: first + j,
      model: m,
      user: rng.int(0, scale.users - 1),
      provider: manipulated ? scale.providers - 1 : rng.int(0, scale.providers - 2),
      query: j % scale.heldOut,
      method: 'span-match@1',
      attribution: j === 1 ? 'manipulated-weight' : j === 2 ? 'manipulated-swap' : 'honest',
      ...(j === 1 ? { dispute: 'upheld' as const } : {}),
    });
  }
}
