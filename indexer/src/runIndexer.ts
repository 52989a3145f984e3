import { createLogger } from '@subsquid/logger';
import type { IndexerConfig } from './config.js';
import { IndexerDatabase } from './db/indexerDatabase.js';
import { runMigrations } from './db/runMigrations.js';
import { BatchHandler } from './handlers/handleBatch.js';
import { IndexerState } from './model/generated/index.js';
import { createProcessor } from './processor/createProcessor.js';
import { FinalityGuard } from './reorg/finalityGuard.js';
import { installRetryPolicy } from './processor/retryPolicy.js';
import { HeadPoller } from './status/headPoller.js';
import { Progress } from './status/progress.js';

/** Exit code of the indexer when the chain reorganised deeper than the finality setting. */
export const DEEP_REORG_EXIT_CODE = 3;

/**
 * Applies the migrations, then runs the processor until INDEXER_STOP_AT (or forever). The processor owns
 * the process from here: it exits with a non-zero code on any error it cannot retry (a reorg deeper than
 * the finality setting included), after logging it.
 */
export async function runIndexer(cfg: IndexerConfig, opts: { mode?: 'batched' | 'row-per-event' } = {}): Promise<void> {
  const log = createLogger('ae:indexer');
  installRetryPolicy();
  const applied = await runMigrations(cfg.databaseUrl);
  if (applied.length) log.info(`applied migrations: ${applied.join(', ')}`);
  const realExit = process.exit.bind(process);
  const guard = new FinalityGuard(cfg.databaseUrl, cfg.rpcUrl, cfg.stateSchema);
  const fatal = (r: NonNullable<Awaited<ReturnType<FinalityGuard['check']>>>) => {
    log.fatal({ ...r, finality: cfg.finalityConfirmations }, FinalityGuard.message(r, cfg.finalityConfirmations));
    realExit(DEEP_REORG_EXIT_CODE);
  };
  const startReorg = await guard.check();
  if (startReorg) fatal(startReorg);
  // The processor exits the process on any error; when it dies, say whether a deep reorg was the cause (its
  // own message is an internal assertion), and check proactively while it runs.
  let exiting = false;
  process.exit = ((code?: number) => {
    if (exiting || !code) return realExit(code);
    exiting = true;
    void Promise.race([guard.check(), new Promise<undefined>((r) => setTimeout(() => r(undefined), 5_000))]).then((r) =>
      r ? fatal(r) : realExit(code),
    );
    return undefined as never;
  }) as typeof process.exit;
  setInterval(() => {
    void guard.check().then((r) => r && fatal(r));
  }, 5_000).unref();
  const db = new IndexerDatabase(cfg.databaseUrl, { supportHotBlocks: true, stateSchema: cfg.stateSchema });
  const processor = createProcessor(cfg);
  const head = new HeadPoller(cfg.rpcUrl, Math.max(cfg.headPollIntervalMs, 500)).start();
  const progress = new Progress(cfg.progressIntervalS, (line, fields) => log.info(fields, line));
  let handler: BatchHandler | undefined;
  let malformedTotal = 0;
  log.info(
    { rpc: cfg.rpcUrl, chainId: cfg.deployment.chainId, from: cfg.deployment.startBlock, finality: cfg.finalityConfirmations },
    'starting indexer',
  );
  processor.run(db, async (ctx) => {
    handler ??= new BatchHandler({ contracts: cfg.deployment.contracts }, db.dataSource, log, opts.mode ?? 'batched');
    if (ctx.blocks.length === 0) return;
    const r = await handler.handle(ctx.store, ctx.blocks);
    const last = ctx.blocks[ctx.blocks.length - 1].header;
    await ctx.store.upsert(
      new IndexerState({
        id: 'current',
        chainId: cfg.deployment.chainId,
        indexedHeight: last.height,
        indexedHash: last.hash,
        chainHeadHeight: Math.max(head.head?.height ?? last.height, last.height),
        chainHeadHash: head.head && head.head.height >= last.height ? head.head.hash : last.hash,
        digest: r.digest.digest,
        digestHeight: r.digest.height,
        updatedAt: new Date(last.timestamp),
      }),
    );
    if (r.malformed) {
      malformedTotal += r.malformed;
      log.warn({ malformed: r.malformed, total: malformedTotal }, 'malformed events skipped in this batch');
    }
    progress.record(r.blocks, r.events, last.height, head.head?.height);
  });
}
