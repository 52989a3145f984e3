import { type Abi, type AbiEvent, type Hex, toEventSelector } from 'viem';
import type { RawLog } from './runner/blockRunner.js';

/**
 * Counts logs by event name using the protocol's ABIs; a log whose topic0 no ABI knows counts as
 * `unknown:<topic0>` so that nothing is silently dropped from a total.
 */
export function eventNamer(abis: readonly Abi[]): (log: Pick<RawLog, 'topics'>) => string {
  const names = new Map<string, string>();
  for (const abi of abis) {
    for (const item of abi) {
      if (item.type === 'event') names.set(toEventSelector(item as AbiEvent).toLowerCase(), item.name);
    }
  }
  return (log) => {
    const t0 = (log.topics[0] ?? '0x') as Hex;
    return names.get(t0.toLowerCase()) ?? `unknown:${t0}`;
  };
}

export function countEvents(logs: Iterable<Pick<RawLog, 'topics'>>, name: (log: Pick<RawLog, 'topics'>) => string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const log of logs) {
    const n = name(log);
    out[n] = (out[n] ?? 0) + 1;
  }
  return Object.fromEntries(Object.entries(out).sort(([a], [b]) => a.localeCompare(b)));
}
