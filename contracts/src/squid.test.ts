import { CONTRACT_NAMES } from '@ae/core';
import fc from 'fast-check';
import {
  type AbiEvent,
  type AbiParameter,
  encodeAbiParameters,
  encodeEventTopics,
  getAddress,
  type Hex,
} from 'viem';
import { describe, expect, it } from 'vitest';
import { protocolArtifacts } from './artifacts.js';
import * as squid from './squid.js';

function arb(type: string): fc.Arbitrary<unknown> {
  if (type.endsWith('[]')) return fc.array(arb(type.slice(0, -2)), { maxLength: 3 });
  if (type === 'bytes') return fc.uint8Array({ maxLength: 70 }).map(toHex);
  const m = /^(u?)int(\d+)$/.exec(type);
  if (m) {
    const bits = BigInt(m[2]);
    return m[1] ? fc.bigInt(0n, 2n ** bits - 1n) : fc.bigInt(-(2n ** (bits - 1n)), 2n ** (bits - 1n) - 1n);
  }
  if (type === 'address')
    return fc.uint8Array({ minLength: 20, maxLength: 20 }).map((b) => getAddress(toHex(b)));
  if (type === 'bytes32') return fc.uint8Array({ minLength: 32, maxLength: 32 }).map(toHex);
  if (type === 'string') return fc.string({ unit: 'grapheme', maxLength: 40 });
  if (type === 'bool') return fc.boolean();
  throw new Error(`no arbitrary for ${type}`);
}
const toHex = (b: Uint8Array): Hex => `0x${Buffer.from(b).toString('hex')}`;
const norm = (v: unknown): unknown =>
  Array.isArray(v)
    ? v.map(norm)
    : typeof v === 'number' || typeof v === 'bigint'
      ? BigInt(v)
      : typeof v === 'string' && /^0x[0-9a-fA-F]{40}$/.test(v)
        ? v.toLowerCase()
        : v;

const cases = CONTRACT_NAMES.flatMap((name) =>
  (protocolArtifacts[name].abi as readonly { type: string }[])
    .filter((x): x is AbiEvent => x.type === 'event')
    .map((event) => ({ name, event })),
);

type Decoder = { topic: string; decode(log: { topics: string[]; data: string }): Record<string, unknown> };
const eventsOf = {
  Staking: squid.Staking.events,
  RewardDistributor: squid.RewardDistributor.events,
  DatanetRegistry: squid.DatanetRegistry.events,
  ModelRegistry: squid.ModelRegistry.events,
  ComputeRegistry: squid.ComputeRegistry.events,
  InferenceLedger: squid.InferenceLedger.events,
  AttributionRegistry: squid.AttributionRegistry.events,
  Treasury: squid.Treasury.events,
  Timelock: squid.Timelock.events,
  OpenGovernor: squid.OpenGovernor.events,
};

describe('generated squid decoders', () => {
  it.each(cases.map((c) => [`${c.name}.${c.event.name}`, c] as const))('decode what viem encodes: %s', (_, {
    name,
    event,
  }) => {
    const decoder = (eventsOf[name] as Record<string, Decoder>)[event.name];
    expect(decoder, `${name}.${event.name}`).toBeDefined();
    const inputs = event.inputs as readonly (AbiParameter & { indexed?: boolean })[];
    fc.assert(
      fc.property(fc.tuple(...inputs.map((i) => arb(i.type))), (values) => {
        const args = Object.fromEntries(inputs.map((i, k) => [i.name, values[k]]));
        const topics = encodeEventTopics({ abi: [event], eventName: event.name, args } as never) as string[];
        const plain = inputs.filter((i) => !i.indexed);
        const data = encodeAbiParameters(
          plain,
          plain.map((i) => args[i.name as string]),
        );
        expect(topics[0]).toBe(decoder.topic);
        const decoded = decoder.decode({ topics, data });
        for (const i of inputs)
          expect(norm(decoded[i.name as string]), i.name).toEqual(norm(args[i.name as string]));
      }),
      { numRuns: 25 },
    );
  });

  it('cover every event of the catalogue', () => {
    const names = cases.map((c) => c.event.name);
    for (const e of [
      'Staked',
      'Slashed',
      'DatanetCreated',
      'ContributionReviewed',
      'ModelRegistered',
      'CheckpointPosted',
      'InferenceRecorded',
      'AttributionShare',
      'DisputeResolved',
      'FeeSplit',
      'RewardAccrued',
      'SplitParametersChanged',
      'ProviderRegistered',
      'ComputeAttested',
      'ProposalCreated',
      'VoteCast',
      'DelegateVotesChanged',
      'CallScheduled',
      'GrantPaid',
    ]) {
      expect(names).toContain(e);
    }
  });
});
