import { Rng } from './rng.js';
import type { ScalePreset } from './scales.js';
import { appendTextPlan } from './textPlan.js';

export type ModelKind = 'BASE' | 'FINETUNE' | 'ADAPTER';
/** Methods a posting may use; new postings use knn-shapley@2 (@1 stays replayable: issue 19); the text model's use span-match@1 (issue 20). */
export type PoaMethod = 'knn-shapley@1' | 'tracin-cp@1' | 'knn-shapley@2' | 'trak@1' | 'span-match@1';
/** How a posting departs from the engine's honest result (see the truth file). */
export type AttributionKind =
  | 'honest'
  | 'manipulated-weight' // weight moved from the top contributions to a colluding contributor
  | 'manipulated-swap' // a top contribution replaced by a colluder's contribution that was not in the top-K
  | 'bad-result-hash' // resultHash names no stored artifact
  | 'bad-params-hash' // paramsHash does not hash the posted parameters
  | 'missing-artifact'; // the result artifact was never stored

export interface PlannedContribution {
  key: number;
  datanet: number;
  contributor: number;
  /** Index into the corpus (training part). */
  message: number;
  accept: boolean;
}

export interface PlannedDatanet {
  key: number;
  name: string;
  curated: boolean;
  owner: number; // curator index
  curators: number[];
  contributions: PlannedContribution[];
  /** Number of contributions (in order) each version covers; the last covers all. */
  versionCuts: number[];
}

export interface PlannedModel {
  key: number;
  name: string;
  kind: ModelKind;
  base?: number;
  trainer: number;
  provider: number;
  /** Datanet trained on (its latest version). */
  datanet: number;
  feeWei: bigint;
  depth: number;
  /** 'text': the ∞-gram text model of issue #20 (span-match@1); absent: a classifier (MLP). */
  family?: 'text';
}

export interface PlannedInference {
  key: number;
  model: number;
  user: number;
  provider: number;
  /** Index into the held-out part of the corpus. */
  query: number;
  method: PoaMethod;
  attribution: AttributionKind;
  dispute?: 'upheld' | 'rejected';
}

export interface PlannedStake {
  staker: number;
  amountWei: bigint;
  unstakeWei: bigint;
}

export interface ScenarioPlan {
  seed: number;
  scale: ScalePreset;
  manipulatedShare: number;
  /** Corpus indices: training messages first (contributions), then held-out queries. */
  training: number[];
  heldOut: number[];
  datanets: PlannedDatanet[];
  models: PlannedModel[];
  inferences: PlannedInference[];
  stakes: PlannedStake[];
}

const OPEN = 10n ** 18n;

/**
 * The whole scenario as data, from the seed alone: which account does what, on which message, and which
 * postings lie. The runner only executes it, so determinism is a property of this function.
 */
export function planScenario(opts: {
  seed: number;
  scale: ScalePreset;
  corpusSize: number;
  manipulatedShare?: number;
}): ScenarioPlan {
  const { seed, scale } = opts;
  const manipulatedShare = opts.manipulatedShare ?? 0.03;
  const rng = new Rng(seed);
  const nDatanets = scale.curatedDatanets + scale.openDatanets;
  const nTrain = nDatanets * scale.contributionsPerDatanet;
  if (nTrain + scale.heldOut > opts.corpusSize) {
    throw new RangeError(
      `scale ${scale.name} needs ${nTrain + scale.heldOut} messages, corpus has ${opts.corpusSize}`,
    );
  }
  const order = rng.fork('corpus').shuffle(Array.from({ length: opts.corpusSize }, (_, i) => i));
  const training = order.slice(0, nTrain);
  const heldOut = order.slice(nTrain, nTrain + scale.heldOut);

  const datanets = planDatanets(rng.fork('datanets'), scale, training);
  const models = planModels(rng.fork('models'), scale, nDatanets);
  const inferences = planInferences(rng.fork('inferences'), scale, models, manipulatedShare);
  appendTextPlan(rng.fork('text'), scale, order.slice(nTrain + scale.heldOut), {
    datanets,
    models,
    inferences,
  });
  const stakeRng = rng.fork('stakes');
  const stakes = Array.from({ length: scale.stakers }, (_, staker) => {
    const amountWei = BigInt(stakeRng.int(10, 200)) * OPEN;
    const unstakeWei = stakeRng.chance(0.3) ? amountWei / BigInt(stakeRng.int(2, 4)) : 0n;
    return { staker, amountWei, unstakeWei };
  });
  return { seed, scale, manipulatedShare, training, heldOut, datanets, models, inferences, stakes };
}

function planDatanets(rng: Rng, scale: ScalePreset, training: number[]): PlannedDatanet[] {
  const out: PlannedDatanet[] = [];
  let key = 0;
  const n = scale.curatedDatanets + scale.openDatanets;
  for (let d = 0; d < n; d++) {
    const curated = d < scale.curatedDatanets;
    const owner = d % scale.curators;
    const curators = curated
      ? [owner, (owner + 1) % scale.curators].filter((c, i, a) => a.indexOf(c) === i)
      : [];
    const contributions: PlannedContribution[] = [];
    for (let i = 0; i < scale.contributionsPerDatanet; i++) {
      contributions.push({
        key: key++,
        datanet: d,
        contributor: rng.int(0, scale.contributors - 1),
        message: training[d * scale.contributionsPerDatanet + i],
        accept: !curated || !rng.chance(scale.rejectShare),
      });
    }
    // A curated datanet always shows its curators rejecting something (explorer, API and tests rely on it);
    // drawn only when chance gave none, so every other seed keeps its plan.
    if (curated && scale.rejectShare > 0 && contributions.every((c) => c.accept))
      contributions[rng.int(0, contributions.length - 1)].accept = false;
    const cuts = Array.from({ length: scale.versionsPerDatanet }, (_, v) =>
      Math.round(((v + 1) * contributions.length) / scale.versionsPerDatanet),
    );
    out.push({
      key: d,
      name: datanetName(d, curated),
      curated,
      owner,
      curators,
      contributions,
      versionCuts: cuts,
    });
  }
  return out;
}

function datanetName(d: number, curated: boolean): string {
  const topics = [
    'Phishing & Fraud',
    'Newsletters',
    'Personal Mail',
    'Tech Lists',
    'Promotions',
    'Support Desk',
  ];
  return `SpamAssassin ${topics[d % topics.length]}${curated ? ' (curated)' : ''}`;
}

function planModels(rng: Rng, scale: ScalePreset, nDatanets: number): PlannedModel[] {
  const fee = () => BigInt(rng.int(1, 20)) * 10n ** 15n; // 0.001 – 0.02 OPEN
  const chain: { kind: ModelKind; name: string }[] = [
    { kind: 'BASE', name: 'spam-mlp-base' },
    { kind: 'FINETUNE', name: 'spam-mlp-ft-newsletters' },
    { kind: 'ADAPTER', name: 'spam-mlp-adapter-personal' },
    { kind: 'FINETUNE', name: 'spam-mlp-ft-v2' },
  ];
  const models: PlannedModel[] = chain.map((m, i) => ({
    key: i,
    name: m.name,
    kind: m.kind,
    base: i === 0 ? undefined : i - 1,
    trainer: i % scale.trainers,
    provider: i % (scale.providers - 1),
    datanet: i % nDatanets,
    feeWei: fee(),
    depth: i,
  }));
  for (let e = 0; e < scale.extraBaseModels; e++) {
    const key = models.length;
    models.push({
      key,
      name: `spam-mlp-base-${e + 2}`,
      kind: 'BASE',
      trainer: key % scale.trainers,
      provider: key % (scale.providers - 1),
      datanet: (e + 1) % nDatanets,
      feeWei: fee(),
      depth: 0,
    });
  }
  return models;
}

function planInferences(
  rng: Rng,
  scale: ScalePreset,
  models: PlannedModel[],
  share: number,
): PlannedInference[] {
  const n = scale.inferences;
  const honestProviders = scale.providers - 1; // the last provider colludes
  const inferences: PlannedInference[] = Array.from({ length: n }, (_, key) => ({
    key,
    // the first inference runs on the deepest model: the truth file's known lineage path
    model: key === 0 ? 3 : rng.int(0, models.length - 1),
    user: rng.int(0, scale.users - 1),
    provider: rng.int(0, honestProviders - 1),
    query: key % scale.heldOut,
    method: rng.chance(0.3) ? 'tracin-cp@1' : 'knn-shapley@2',
    attribution: 'honest',
  }));
  const candidates = rng.shuffle(Array.from({ length: n - 1 }, (_, i) => i + 1));
  const nManipulated = share > 0 ? Math.max(1, Math.round(share * n)) : 0;
  const nBad = Math.max(3, Math.round(0.002 * n));
  const badKinds: AttributionKind[] = ['bad-result-hash', 'missing-artifact', 'bad-params-hash'];
  let c = 0;
  for (let i = 0; i < nManipulated; i++) {
    const inf = inferences[candidates[c++]];
    inf.attribution = i % 2 === 0 ? 'manipulated-weight' : 'manipulated-swap';
    inf.provider = scale.providers - 1;
    if (i < Math.ceil(nManipulated / 2)) inf.dispute = 'upheld';
  }
  for (let i = 0; i < nBad; i++) {
    const inf = inferences[candidates[c++]];
    inf.attribution = badKinds[i % badKinds.length];
    if (i === 0) inf.dispute = 'upheld';
  }
  for (let i = 0; i < scale.frivolousDisputes; i++) inferences[candidates[c++]].dispute = 'rejected';
  return inferences;
}
