/**
 * BENCHMARK ONLY: the indexer's entry point with another store under the same handlers, chosen by
 * BENCH_STORE: `stock` (@subsquid/typeorm-store's batched insert/upsert) or `bulk-on-stock` (the project's
 * bulk writer on the stock store, the indexer before #16). Started by bench/indexOnce.ts as the indexer
 * process, without the supervisor (the benchmark never reorganises the chain).
 */
import { loadConfig } from '../../src/config.js';
import { routeSquidLogs } from '../../src/log/routeSquidLogs.js';
import { runIndexer } from '../../src/runIndexer.js';
import { stockTypeormDatabase } from './stockTypeormDatabase.js';

const writer = process.env.BENCH_STORE;
if (writer !== 'stock' && writer !== 'bulk-on-stock')
  throw new Error(`BENCH_STORE=${writer}: stock or bulk-on-stock`);
routeSquidLogs();
await runIndexer(loadConfig(), (cfg) => stockTypeormDatabase(cfg.databaseUrl, writer));
