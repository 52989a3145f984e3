import { ModelKind } from '@ae/contracts';
import { type Hex, keccak256, parseEther, toHex } from 'viem';
import type { ProtocolDriver } from './ProtocolDriver.js';

export const OPEN = parseEther('1');
export const FEE = parseEther('1');
export const h = (s: string): Hex => keccak256(toHex(s));

export interface World {
  curatedDatanet: bigint;
  openDatanet: bigint;
  /** Accepted contributions: 1..3 in the curated datanet (contributor), 4..5 in the open one (contributor2). */
  accepted: bigint[];
  model: bigint;
}

/**
 * The smallest ecosystem every money path needs: a curated and an open datanet with accepted
 * contributions, a published model with a fee of 1 OPEN trained on a version, a registered provider and a
 * poster with the minimum stake. Used by the test files that exercise inference, attribution and rewards.
 */
export async function buildWorld(f: ProtocolDriver): Promise<World> {
  await f.write(f.contributor, 'Staking', 'stake', [], 10n * OPEN);
  await f.write(f.curator, 'DatanetRegistry', 'createDatanet', ['spam', 'ipfs://spam', true, 5n * OPEN]);
  await f.write(f.curator, 'DatanetRegistry', 'addCurator', [1n, f.curator.account.address]);
  await f.write(f.contributor, 'DatanetRegistry', 'submitContributions', [
    1n,
    [h('c1'), h('c2'), h('c3')],
    [100n, 200n, 300n],
    'CC-BY-4.0',
  ]);
  await f.write(f.curator, 'DatanetRegistry', 'reviewContributions', [
    [1n, 2n, 3n],
    [true, true, true],
  ]);
  await f.write(f.curator, 'DatanetRegistry', 'createDatanet', ['open', 'ipfs://open', false, 0n]);
  await f.write(f.contributor2, 'DatanetRegistry', 'submitContributions', [
    2n,
    [h('c4'), h('c5')],
    [10n, 20n],
    'MIT',
  ]);
  await f.write(f.curator, 'DatanetRegistry', 'publishVersion', [1n, h('root1'), 3]);
  await f.write(f.trainer, 'ModelRegistry', 'registerModel', [
    'base',
    ModelKind.BASE,
    0n,
    h('artifact'),
    'ipfs://artifact',
    h('config'),
  ]);
  await f.write(f.trainer, 'ModelRegistry', 'recordTrainedOn', [1n, 1n, 1]);
  await f.write(f.trainer, 'ModelRegistry', 'publishModel', [1n, FEE]);
  await f.write(f.provider, 'ComputeRegistry', 'registerProvider', ['https://provider.example'], 50n * OPEN);
  await f.write(f.poster, 'Staking', 'stake', [], 100n * OPEN);
  return { curatedDatanet: 1n, openDatanet: 2n, accepted: [1n, 2n, 3n, 4n, 5n], model: 1n };
}

export function recordInference(f: ProtocolDriver, input = 'q') {
  return f.write(
    f.user,
    'InferenceLedger',
    'recordInference',
    [1n, f.provider.account.address, h(input), h(`${input}-out`)],
    FEE,
  );
}

export function posting(inferenceId: bigint, ids: bigint[], weights: number[], scores?: bigint[]) {
  return {
    inferenceId,
    method: 'knn-shapley@1',
    paramsHash: h('params'),
    resultHash: h(`result-${inferenceId}`),
    resultURI: `ipfs://result-${inferenceId}`,
    contributionIds: ids,
    weightsPpm: weights,
    scores: scores ?? ids.map((_, i) => BigInt(1000 - i) * 10n ** 15n),
  };
}
