/**
 * `npm run bench:logcheck -w indexer`: what the withheld-log check costs (docs/rpc-trust.md). Indexes the
 * BENCH_SCALE scenario (default medium) to its head with RPC_CHECK_LOGS on and off, alternating, BENCH_REPEAT
 * times each (default 2), in one run on one chain, and prints events/s and eth_getBlockReceipts calls.
 */
import { loadavg } from 'node:os';
import { benchChain } from './benchChain.js';
import { indexOnce } from './indexOnce.js';

process.env.BENCH_SCALE ??= 'medium';
const repeat = Number(process.env.BENCH_REPEAT ?? 2);
const chain = await benchChain();
console.log(
  `chain: ${chain.source}, head ${chain.head}, load ${loadavg()
    .map((x) => x.toFixed(1))
    .join(' ')}`,
);
const rates: Record<'on' | 'off', number[]> = { on: [], off: [] };
try {
  for (let i = 0; i < repeat; i++) {
    for (const mode of ['off', 'on'] as const) {
      const r = await indexOnce({
        label: `check ${mode}`,
        rpcUrl: chain.rpcUrl,
        deployment: chain.deployment,
        stopAt: chain.head,
        finality: 10,
        env: { RPC_CHECK_LOGS: mode },
      });
      rates[mode].push(r.eventsPerSecond);
      const rpc = (r as unknown as { rpc?: { requests: number; logChecks: number } }).rpc;
      console.log(
        `  check ${mode}: ${r.events} events in ${(r.wallMs / 1000).toFixed(1)} s, ${r.eventsPerSecond.toFixed(0)} events/s, ` +
          `${rpc?.requests ?? '?'} requests, ${rpc?.logChecks ?? '?'} eth_getLogs answers checked, load ${loadavg()[0].toFixed(1)}`,
      );
    }
  }
} finally {
  await chain.stop();
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
console.log(
  `median events/s: off ${median(rates.off).toFixed(0)}, on ${median(rates.on).toFixed(0)} ` +
    `(on/off ${(median(rates.on) / median(rates.off)).toFixed(3)})`,
);
