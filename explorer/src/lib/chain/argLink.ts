import type { EntityKind } from '$lib/components/entityHref.js';

const ID_ARGS: Record<string, EntityKind> = {
  datanetId: 'datanet',
  modelId: 'model',
  baseModelId: 'model',
  contributionId: 'contribution',
  inferenceId: 'inference',
  attributionId: 'attribution',
  disputeId: 'dispute',
};

/** Arguments that carry OPEN in wei (fee parts, stakes, bonds, rewards). */
const MONEY_ARGS = new Set([
  'amount',
  'fee',
  'feePerInference',
  'bond',
  'stake',
  'minStake',
  'value',
  'protocol',
  'modelOwner',
  'provider',
  'stakers',
  'contributors',
  'slashed',
  'reward',
]);

export type ArgView =
  | { as: 'entity'; kind: EntityKind; id: string }
  | { as: 'hash'; id: string }
  | { as: 'open'; wei: string }
  | { as: 'text'; text: string };

/**
 * How a decoded event argument is shown: addresses and protocol ids as links to their pages, 32-byte values
 * as copyable hashes, amounts as OPEN (with the exact wei beside them), everything else as text.
 */
export function argView(arg: { name: string; type: string; value: string }): ArgView {
  if (arg.type === 'address') return { as: 'entity', kind: 'account', id: arg.value };
  const kind = ID_ARGS[arg.name];
  if (kind && /^uint/.test(arg.type)) return { as: 'entity', kind, id: arg.value };
  if (arg.type === 'bytes32') return { as: 'hash', id: arg.value };
  if (/^uint/.test(arg.type) && MONEY_ARGS.has(arg.name)) return { as: 'open', wei: arg.value };
  return { as: 'text', text: arg.value };
}
