import { protocolArtifacts } from '@ae/contracts';
import type { ContractName, Deployment } from '@ae/core';
import { type Abi, type AbiEvent, decodeEventLog, decodeFunctionData, type Hex, toEventSelector } from 'viem';

export interface DecodedArg {
  name: string;
  type: string;
  indexed: boolean;
  /** Decimal for integers, 0x-hex for bytes and addresses (lowercase), text for strings, JSON for tuples. */
  value: string;
}

export interface DecodedEvent {
  contract: string | null;
  event: string | null;
  signature: string | null;
  args: DecodedArg[];
}

const NAMES = Object.keys(protocolArtifacts) as ContractName[];
const abiOf = (n: ContractName) => protocolArtifacts[n].abi as Abi;

/** topic0 -> the contracts whose ABI declares that event (AccessControl events are in all of them). */
const BY_TOPIC = new Map<string, { contract: ContractName; event: AbiEvent }[]>();
for (const contract of NAMES) {
  for (const item of abiOf(contract)) {
    if (item.type !== 'event') continue;
    const topic = toEventSelector(item);
    const list = BY_TOPIC.get(topic) ?? [];
    list.push({ contract, event: item });
    BY_TOPIC.set(topic, list);
  }
}

/** Canonical text of a decoded value: exact integers, lowercase hex, JSON for arrays and tuples. */
export function argText(v: unknown): string {
  if (typeof v === 'bigint') return v.toString();
  if (typeof v === 'string') return /^0x[0-9a-fA-F]*$/.test(v) ? v.toLowerCase() : v;
  if (typeof v === 'boolean' || typeof v === 'number') return String(v);
  return JSON.stringify(v, (_k, x) => (typeof x === 'bigint' ? x.toString() : x));
}

/** The deployed contract at an address (lowercase), by the deployment's names. */
export function contractAt(deployment: Deployment | undefined, address: string): ContractName | null {
  if (!deployment) return null;
  const a = address.toLowerCase();
  return (NAMES.find((n) => deployment.contracts[n]?.toLowerCase() === a) as ContractName) ?? null;
}

/**
 * Decodes one log with the protocol's ABIs: the ABI of the contract deployed at the log's address first, then
 * any protocol ABI that declares the topic (a log of an unknown emitter still reads as its event). A log no
 * ABI explains comes back with event null and its raw topics for the caller to show.
 */
export function decodeProtocolLog(
  deployment: Deployment | undefined,
  log: { address: string; topics: string[]; data: string },
): DecodedEvent {
  const at = contractAt(deployment, log.address);
  const candidates = BY_TOPIC.get(log.topics[0]?.toLowerCase() ?? '') ?? [];
  const ordered = [
    ...candidates.filter((c) => c.contract === at),
    ...candidates.filter((c) => c.contract !== at),
  ];
  for (const c of ordered) {
    try {
      const d = decodeEventLog({
        abi: [c.event],
        topics: log.topics as [Hex, ...Hex[]],
        data: log.data as Hex,
        strict: true,
      });
      const args = d.args as unknown as Record<string, unknown> | unknown[];
      return {
        contract: at ?? c.contract,
        event: c.event.name,
        signature: `${c.event.name}(${c.event.inputs.map((i) => i.type).join(',')})`,
        args: c.event.inputs.map((input, i) => ({
          name: input.name ?? `arg${i}`,
          type: input.type,
          indexed: input.indexed === true,
          value: argText(Array.isArray(args) ? args[i] : args[input.name ?? String(i)]),
        })),
      };
    } catch {
      // another ABI with the same topic may fit (indexed-ness differs)
    }
  }
  return { contract: at, event: null, signature: null, args: [] };
}

/** The function a transaction called on a protocol contract, or null (plain transfer, unknown contract). */
export function decodeCall(
  deployment: Deployment | undefined,
  to: string | null,
  input: string,
): string | null {
  const at = to ? contractAt(deployment, to) : null;
  if (!at || input.length < 10) return null;
  try {
    return decodeFunctionData({ abi: abiOf(at), data: input as Hex }).functionName;
  } catch {
    return null;
  }
}
