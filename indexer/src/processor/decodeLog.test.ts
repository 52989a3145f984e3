import { protocolArtifacts } from '@ae/contracts';
import { CONTRACT_NAMES, type ContractName } from '@ae/core';
import fc from 'fast-check';
import { type Abi, type AbiEvent, encodeAbiParameters, encodeEventTopics, type Hex, toHex } from 'viem';
import { describe, expect, it } from 'vitest';
import { storableText } from '../chainStrings/storableText.js';
import { createLogDecoder } from './decodeLog.js';
import { HANDLED_EVENTS } from './eventTable.js';
import { GOVERNANCE_EVENTS } from './governanceEvents.js';

const contracts = Object.fromEntries(
  CONTRACT_NAMES.map((n, i) => [n, `0x${(i + 1).toString(16).padStart(40, '0')}`]),
) as Record<ContractName, string>;
const decode = createLogDecoder(contracts);

describe('createLogDecoder', () => {
  it('decodes what viem encodes (DatanetCreated, with hostile strings)', () => {
    const abi = protocolArtifacts.DatanetRegistry.abi as Abi;
    fc.assert(
      fc.property(
        fc.bigInt({ min: 0n, max: 2n ** 256n - 1n }),
        fc.string(),
        fc.boolean(),
        (id, name, curated) => {
          const topics = encodeEventTopics({
            abi,
            eventName: 'DatanetCreated',
            args: { datanetId: id, owner: '0x00000000000000000000000000000000000000aa' },
          }) as Hex[];
          const data = encodeAbiParameters(
            [{ type: 'string' }, { type: 'string' }, { type: 'bool' }, { type: 'uint256' }],
            [name, 'ipfs://x\u200b', curated, 5n],
          );
          const r = decode({ address: contracts.DatanetRegistry, topics, data });
          expect(r.ok).toBe(true);
          if (r.ok && r.event.name === 'DatanetCreated') {
            expect(r.event.args.datanetId).toBe(id);
            expect(r.event.args.name).toBe(name);
            expect(r.event.args.curated).toBe(curated);
          }
        },
      ),
    );
  });

  it('decodes every string argument of every handled event from arbitrary bytes into storable text', () => {
    const withStrings = CONTRACT_NAMES.flatMap((c) =>
      (protocolArtifacts[c].abi as Abi)
        .filter((x): x is AbiEvent => x.type === 'event')
        .filter((e) => (HANDLED_EVENTS[c] as readonly string[]).includes(e.name))
        .filter((e) => e.inputs.some((i) => i.type === 'string' && !i.indexed))
        .map((e) => ({ c, e })),
    );
    expect(withStrings.map((x) => x.e.name).sort()).toEqual(
      [
        'AttributionPosted',
        'ContributionSubmitted',
        'DatanetCreated',
        'ModelRegistered',
        'ProviderRegistered',
      ]
        .concat('Slashed', 'GrantPaid', 'ProposalCreated', 'VoteCast', 'MethodRuleSet')
        .sort(),
    );
    fc.assert(
      fc.property(
        fc.constantFrom(...withStrings),
        fc.array(fc.uint8Array({ maxLength: 80 }), { minLength: 8, maxLength: 8 }),
        ({ c, e }, strings) => {
          // Indexed arguments: zero topics; data: each string's bytes ABI-encoded as bytes (same encoding).
          const topics = [
            encodeEventTopics({ abi: [e], eventName: e.name } as never)[0] as Hex,
            ...e.inputs.filter((i) => i.indexed).map(() => toHex(0n, { size: 32 })),
          ];
          const data = e.inputs.filter((i) => !i.indexed);
          let k = 0;
          const values = data.map((i) => (i.type === 'string' ? toHex(strings[k++]) : zeroOf(i.type)));
          const types = data.map((i) => (i.type === 'string' ? { type: 'bytes' } : i));
          const r = decode({ address: contracts[c], topics, data: encodeAbiParameters(types, values) });
          expect(r.ok, r.ok ? '' : r.reason).toBe(true);
          if (!r.ok) return;
          k = 0;
          for (const i of data) {
            if (i.type !== 'string') continue;
            const got = (r.event.args as Record<string, unknown>)[i.name as string];
            expect(got).toBe(storableText(strings[k++]));
            expect(got).not.toContain('\u0000');
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('never throws on arbitrary logs: garbage is a reason, not a crash', () => {
    const topic0s = Object.values(HANDLED_EVENTS).flat().length;
    expect(topic0s).toBe(25 + Object.values(GOVERNANCE_EVENTS).flat().length);
    fc.assert(
      fc.property(
        fc.constantFrom(...CONTRACT_NAMES, 'unknown' as const),
        fc.array(fc.uint8Array({ minLength: 32, maxLength: 32 }), { maxLength: 4 }),
        fc.uint8Array({ maxLength: 300 }),
        fc.boolean(),
        (c, topicBytes, dataBytes, realTopic) => {
          const hex = (b: Uint8Array) => `0x${Buffer.from(b).toString('hex')}`;
          const topics = topicBytes.map(hex);
          if (realTopic && c !== 'unknown') {
            const ev = (protocolArtifacts[c].abi as Abi).find((x) => x.type === 'event');
            if (ev && ev.type === 'event')
              topics[0] = encodeEventTopics({ abi: [ev], eventName: ev.name } as never)[0] as string;
          }
          const address = c === 'unknown' ? `0x${'f'.repeat(40)}` : contracts[c];
          const r = decode({ address, topics, data: hex(dataBytes) });
          if (!r.ok) expect(r.reason.length).toBeGreaterThan(0);
        },
      ),
    );
  });

  it('names the reason for a truncated body of a known event', () => {
    const abi = protocolArtifacts.InferenceLedger.abi as Abi;
    const topics = encodeEventTopics({
      abi,
      eventName: 'InferenceRecorded',
      args: { inferenceId: 1n, modelId: 1n, user: `0x${'1'.repeat(40)}` },
    }) as string[];
    const r = decode({ address: contracts.InferenceLedger, topics, data: '0x1234' });
    expect(r).toMatchObject({
      ok: false,
      reason: expect.stringContaining('cannot decode InferenceRecorded'),
    });
  });
});

/** A zero value of a static or dynamic ABI type, enough to build a well-formed log around its strings. */
function zeroOf(type: string): unknown {
  if (type.endsWith('[]')) return [];
  if (type === 'bool') return false;
  if (type === 'address') return `0x${'0'.repeat(40)}`;
  if (type.startsWith('bytes') && type !== 'bytes') return toHex(0n, { size: Number(type.slice(5)) });
  if (type === 'bytes') return '0x';
  return 0n;
}
