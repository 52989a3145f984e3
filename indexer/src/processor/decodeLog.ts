import type { ContractName } from '@ae/core';
import { type DecodedEvent, decoderTable } from './eventTable.js';

export interface RawLog {
  address: string;
  topics: string[];
  data: string;
}

export type DecodeResult = { ok: true; event: DecodedEvent } | { ok: false; reason: string };

/**
 * Decodes one log of a protocol contract. Chain data is hostile input: an unknown topic, a truncated data
 * field or an out-of-range value is reported as a reason, never thrown, so one bad log cannot stop a batch.
 */
export function createLogDecoder(contracts: Record<ContractName, string>): (log: RawLog) => DecodeResult {
  const table = decoderTable();
  const byAddress = new Map<string, ReturnType<typeof decoderTable>[ContractName]>();
  for (const [name, addr] of Object.entries(contracts) as [ContractName, string][]) {
    byAddress.set(addr.toLowerCase(), table[name]);
  }
  return (log) => {
    const decoders = byAddress.get(log.address.toLowerCase());
    if (!decoders) return { ok: false, reason: `log of unknown contract ${log.address}` };
    const topic0 = log.topics[0];
    const d = topic0 ? decoders.get(topic0) : undefined;
    if (!d) return { ok: false, reason: `unhandled topic ${topic0 ?? '(none)'}` };
    try {
      const args = d.decode(log) as Record<string, unknown>;
      return { ok: true, event: { name: d.name, args } as DecodedEvent };
    } catch (e) {
      return { ok: false, reason: `cannot decode ${d.name}: ${(e as Error).message}` };
    }
  };
}
