import type { ContractName } from '@ae/core';
import { type Hex, keccak256, parseEther, toHex } from 'viem';
import type { ProtocolDriver } from './ProtocolDriver.js';

const OPEN = parseEther('1');
export const ACTIVITY_FEE = parseEther('0.01');
const h = (s: string): Hex => keccak256(toHex(s));

/** Ids the setup created. */
export interface ActivityWorld {
  curated: bigint;
  open: bigint;
  baseModel: bigint;
}

async function count(d: ProtocolDriver, c: ContractName, fn: string): Promise<bigint> {
  return (await d.read(c, fn)) as bigint;
}

/** Stakes, two datanets (curated and open), a provider and a published base model. */
export async function setupActivity(d: ProtocolDriver): Promise<ActivityWorld> {
  await d.write('contributor', 'Staking', 'stake', [], 10n * OPEN);
  await d.write('contributor2', 'Staking', 'stake', [], 10n * OPEN);
  await d.write('poster', 'Staking', 'stake', [], 200n * OPEN);
  await d.write('staker', 'Staking', 'stake', [], 50n * OPEN);
  const curated = (await count(d, 'DatanetRegistry', 'datanetCount')) + 1n;
  await d.write('curator', 'DatanetRegistry', 'createDatanet', [
    'curated \u202e data',
    'ipfs://curated',
    true,
    5n * OPEN,
  ]);
  await d.write('curator', 'DatanetRegistry', 'addCurator', [curated, d.address('curator')]);
  await d.write('curator', 'DatanetRegistry', 'createDatanet', ['open', 'https://open.example', false, 0n]);
  await d.write('provider', 'ComputeRegistry', 'registerProvider', ['https://provider.example'], 50n * OPEN);
  const baseModel = (await count(d, 'ModelRegistry', 'modelCount')) + 1n;
  await d.write('trainer', 'ModelRegistry', 'registerModel', ['base', 0, 0n, h('a'), 'ipfs://a', h('cfg')]);
  await d.write('trainer', 'ModelRegistry', 'publishModel', [baseModel, ACTIVITY_FEE]);
  return { curated, open: curated + 1n, baseModel };
}

export interface RoundOptions {
  /** Contributions per datanet and inferences per round. */
  n: number;
  /** Shares per attribution (at most 64). */
  k?: number;
  /** Varies hashes so that two rounds with the same shape differ (the reorg test mines a different branch). */
  salt?: string;
  /** Open a dispute, resolve it, settle the rest, claim, unstake (default true). */
  settle?: boolean;
}

/**
 * One round of ecosystem activity through the protocol's batch entry points: contributions, reviews, versions,
 * a fine-tuned model with checkpoints, paid inferences, attributions with k shares, attestations, a dispute
 * (upheld on odd salts' rounds), settlement, claims and an unstake. Every event type appears.
 */
export async function activityRound(d: ProtocolDriver, w: ActivityWorld, o: RoundOptions): Promise<void> {
  const n = o.n;
  const k = Math.min(o.k ?? 8, 64);
  const salt = o.salt ?? '';
  const c0 = await count(d, 'DatanetRegistry', 'contributionCount');
  const hashes = (p: string) => Array.from({ length: n }, (_, i) => h(`${salt}${p}${c0}-${i}`));
  const sizes = Array.from({ length: n }, (_, i) => BigInt(100 + i));
  await d.write('contributor', 'DatanetRegistry', 'submitContributions', [
    w.curated,
    hashes('a'),
    sizes,
    'CC-BY-4.0',
  ]);
  const aIds = Array.from({ length: n }, (_, i) => c0 + 1n + BigInt(i));
  const accepted = aIds.map((_, i) => i % 5 !== 4);
  await d.write('curator', 'DatanetRegistry', 'reviewContributions', [aIds, accepted]);
  await d.write('contributor2', 'DatanetRegistry', 'submitContributions', [
    w.open,
    hashes('b'),
    sizes,
    'MIT',
  ]);
  const bIds = Array.from({ length: n }, (_, i) => c0 + 1n + BigInt(n + i));
  await d.write('curator', 'DatanetRegistry', 'publishVersion', [w.curated, h(`${salt}root-a${c0}`), n]);
  await d.write('curator', 'DatanetRegistry', 'publishVersion', [w.open, h(`${salt}root-b${c0}`), n]);
  const model = (await count(d, 'ModelRegistry', 'modelCount')) + 1n;
  await d.write('trainer', 'ModelRegistry', 'registerModel', [
    `ft-${c0}`,
    1,
    w.baseModel,
    h(`${salt}m${c0}`),
    'ipfs://m',
    h('cfg'),
  ]);
  await d.write('trainer', 'ModelRegistry', 'recordTrainedOn', [model, w.open, 1]);
  await d.write('trainer', 'ModelRegistry', 'postCheckpoint', [model, 1, h(`${salt}ck1${c0}`), 10n ** 16n]);
  await d.write('trainer', 'ModelRegistry', 'postCheckpoint', [
    model,
    2,
    h(`${salt}ck2${c0}`),
    5n * 10n ** 15n,
  ]);
  await d.write('trainer', 'ModelRegistry', 'publishModel', [model, ACTIVITY_FEE]);

  const i0 = await count(d, 'InferenceLedger', 'inferenceCount');
  const models = Array.from({ length: n }, (_, i) => (i % 2 ? model : w.baseModel));
  const provider = d.address('provider');
  await d.write(
    'user',
    'InferenceLedger',
    'recordInferences',
    [models, models.map(() => provider), hashes('in'), hashes('out')],
    ACTIVITY_FEE * BigInt(n),
  );
  const pool = [...aIds.filter((_, i) => accepted[i]), ...bIds];
  const postings = Array.from({ length: n }, (_, i) => {
    const ids = Array.from({ length: Math.min(k, pool.length) }, (_, j) => pool[(i * 7 + j) % pool.length]);
    const uniq = [...new Set(ids)];
    const weights = uniq.map((_, j) => Math.floor(900_000 / uniq.length) - j);
    return {
      inferenceId: i0 + 1n + BigInt(i),
      method: i % 3 === 0 ? 'tracin-cp@1' : 'knn-shapley@1',
      paramsHash: h('params'),
      resultHash: h(`${salt}result${i0}-${i}`),
      resultURI: `ipfs://result-${i0}-${i}`,
      contributionIds: uniq,
      weightsPpm: weights,
      scores: uniq.map((_, j) => (j % 4 === 3 ? -1n : 1n) * BigInt(1000 - j) * 10n ** 15n),
    };
  });
  const a0 = await count(d, 'AttributionRegistry', 'attributionCount');
  await d.write('poster', 'Staking', 'stake', [], 50n * OPEN);
  await d.write('poster', 'AttributionRegistry', 'postAttributions', [postings]);
  await d.write('provider', 'ComputeRegistry', 'attestBatch', [
    postings.map((p) => p.inferenceId),
    postings.map((_, i) => i % 4),
    hashes('task'),
    hashes('res'),
  ]);
  if (o.settle === false) return;
  const attributions = postings.map((_, i) => a0 + 1n + BigInt(i));
  const disputeId = (await count(d, 'AttributionRegistry', 'disputeCount')) + 1n;
  await d.write(
    'challenger',
    'AttributionRegistry',
    'disputeAttribution',
    [attributions[0], h(`${salt}ev${a0}`)],
    OPEN,
  );
  const upheld = Number(a0 / BigInt(n)) % 2 === 0;
  await d.write('arbiter', 'AttributionRegistry', 'resolveDispute', [disputeId, upheld]);
  await d.increaseTime(3_601);
  await d.write('gov', 'AttributionRegistry', 'settleMany', [upheld ? attributions.slice(1) : attributions]);
  for (const who of ['contributor', 'contributor2', 'trainer', 'provider'] as const) {
    await d.write(who, 'RewardDistributor', 'claim', []);
  }
  await d.write('staker', 'Staking', 'requestUnstake', [OPEN]);
  await d.increaseTime(86_401);
  await d.write('staker', 'Staking', 'withdraw', []);
}
