import { fileURLToPath } from 'node:url';
import type { BenchChain } from './benchChain.js';
import { type IndexRun, indexOnce, prefixHeight } from './indexOnce.js';

const VARIANT_MAIN = fileURLToPath(new URL('./stores/variantMain.ts', import.meta.url));

const STORES = [
  { name: 'new store (IndexerDatabase + bulk writer + own change log)', env: {} as Record<string, string> },
  {
    name: 'bulk writer on @subsquid/typeorm-store (before #16)',
    main: VARIANT_MAIN,
    env: { BENCH_STORE: 'bulk-on-stock' },
  },
  {
    name: '@subsquid/typeorm-store batched insert/upsert',
    main: VARIANT_MAIN,
    env: { BENCH_STORE: 'stock' },
  },
];

const f = (x: number, d = 0) =>
  x.toLocaleString('en-US', { minimumFractionDigits: d, maximumFractionDigits: d });

/**
 * The three-store comparison (#16): the same handlers and chain, the same Postgres, one after the other in
 * one run, each store backfilling the whole chain and then indexing a prefix with every block hot (where the
 * change logs differ: the stock store reads every updated row into JavaScript and writes one JSON change per
 * row; the new one copies prior rows with one INSERT … SELECT to_jsonb per table and batch). Prints Markdown.
 */
export async function threeStores(chain: BenchChain, hotEvents: number): Promise<void> {
  const runs: { store: string; kind: string; r: IndexRun }[] = [];
  let hotHeight: number | undefined;
  for (const kind of ['backfill, whole chain', 'every block hot, prefix']) {
    for (const s of STORES) {
      const stopAt = kind.startsWith('backfill') ? chain.head : (hotHeight as number);
      const r = await indexOnce({
        label: `${s.name}: ${kind}`,
        rpcUrl: chain.rpcUrl,
        deployment: chain.deployment,
        stopAt,
        finality: kind.startsWith('backfill') ? 10 : stopAt + 10,
        main: s.main,
        env: s.env,
      });
      hotHeight ??= prefixHeight(r.eventsByBlock, hotEvents);
      console.log(
        `  ${s.name}, ${kind} (to ${stopAt}): ${r.events} events, ${r.eventsPerSecond.toFixed(0)} events/s`,
      );
      runs.push({ store: s.name, kind: `${kind} (to block ${stopAt})`, r });
    }
  }
  console.log('\n| store | run | events | events/s | wall s | write s | peak RSS MB | digest |');
  console.log('| --- | --- | ---: | ---: | ---: | ---: | ---: | --- |');
  for (const { store, kind, r } of runs)
    console.log(
      `| ${store} | ${kind} | ${f(r.events)} | ${f(r.eventsPerSecond)} | ${f(r.wallMs / 1000, 1)} | ${f(r.writeMs / 1000, 1)} | ${f(r.peakRssMb)} | ${r.digest.slice(0, 10)} |`,
    );
  for (const kind of new Set(runs.map((x) => x.kind))) {
    const [own, bulk, stock] = runs.filter((x) => x.kind === kind).map((x) => x.r);
    const same = own.digest === bulk.digest && own.digest === stock.digest;
    console.log(
      `\n${kind}: new / stock upsert ${f(own.eventsPerSecond / stock.eventsPerSecond, 2)}×, new / bulk writer on the stock store ${f(own.eventsPerSecond / bulk.eventsPerSecond, 2)}×; state digests ${same ? 'equal' : 'DIFFER'}`,
    );
  }
}
