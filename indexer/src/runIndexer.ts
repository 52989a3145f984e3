import { JsonRpc } from '@ae/core';
import { COLUMN, TABLE } from '@ae/core/tables';
import { createLogger } from '@subsquid/logger';
import pg from 'pg';
import type { IndexerConfig } from './config.js';
import { bulkWrite, type WriteProfile } from './db/bulkWrite.js';
import { buildDeferredIndexes } from './db/deferredIndexes.js';
import { skipForeignKeyChecks } from './db/foreignKeyChecks.js';
import { IndexerDatabase } from './db/indexerDatabase.js';
import { prepareIndexes } from './db/prepareIndexes.js';
import { runMigrations } from './db/runMigrations.js';
import { StatisticsRefresher } from './db/statisticsRefresher.js';
import { BatchHandler } from './handlers/handleBatch.js';
import { IndexerState } from './model/generated/index.js';
import { createProcessor } from './processor/createProcessor.js';
import { startRpcFrontThread } from './processor/rpcFront/startRpcFrontThread.js';
import { blockHashAt } from './reorg/blockHashAt.js';
import { ChainStop } from './reorg/chainStop.js';
import { HeadWatcher } from './reorg/headWatcher.js';
import { HeadPoller } from './status/headPoller.js';
import { Progress } from './status/progress.js';
import { RESTART_EXIT_CODE } from './supervisor/superviseProcessor.js';

/**
 * INDEXER_STOP_AT: exit once that height is committed. The processor alone would wait until the height is
 * final (FINALITY_CONFIRMATIONS more blocks), which never comes on an idle devnet.
 */
function stopWhenCommitted(cfg: IndexerConfig, stats: StatisticsRefresher): void {
  if (stopping) return;
  stopping = true;
  const check = async () => {
    const c = new pg.Client({ connectionString: cfg.databaseUrl });
    try {
      await c.connect();
      const r = await c.query(
        `SELECT indexed_height FROM ${TABLE.indexerState} WHERE ${COLUMN.indexerState.id} = 'current'`,
      );
      if ((r.rows[0]?.indexed_height ?? -1) >= (cfg.stopAtHeight ?? 0)) {
        await stats.refresh();
        process.exit(0);
      }
    } catch {
      // retried below
    } finally {
      await c.end().catch(() => {});
    }
    setTimeout(check, 50);
  };
  setTimeout(check, 10);
}
let stopping = false;

export { DEEP_REORG_EXIT_CODE, RPC_INTEGRITY_EXIT_CODE } from './reorg/chainStop.js';

/**
 * Applies the migrations, then runs the processor until INDEXER_STOP_AT (or forever). The processor talks to
 * the node only through the RPC front (complete, checked answers; transport faults retried there). It exits
 * the process on any error it cannot handle; ChainStop turns the cases the project names (the indexed chain is
 * gone, a node that keeps withholding logs) into their own one-line message and exit code.
 */
export async function runIndexer(
  cfg: IndexerConfig,
  /** Another Database for the same handlers (the benchmark's store variants, bench/stores). */
  createDatabase?: (cfg: IndexerConfig) => IndexerDatabase,
): Promise<void> {
  const log = createLogger('ae:indexer');
  let deferred = await prepareIndexes(cfg, () => runMigrations(cfg.databaseUrl), log);
  const stop = new ChainStop(cfg, log);
  await stop.beforeStart();
  stop.watch();
  const front = await startRpcFrontThread({
    upstream: cfg.rpcUrl,
    attemptTimeoutMs: cfg.rpcRequestTimeoutMs,
    checkLogs: cfg.checkLogs,
    log: log.child('rpc-front'),
    onFatal: (e) => stop.rpcIntegrity(e),
  });
  const skipFk = await skipForeignKeyChecks(cfg.databaseUrl, cfg.fkChecks);
  const stats = new StatisticsRefresher(cfg.databaseUrl, log);
  const rpc = new JsonRpc(cfg.rpcUrl, { timeoutMs: 5_000 });
  const db =
    createDatabase?.(cfg) ??
    new IndexerDatabase(cfg.databaseUrl, {
      chainHash: (h) => blockHashAt(rpc, h),
      onRollback: (r) =>
        log.warn(r, `rolled back unfinalized blocks from ${r.from}: the chain replaced them`),
      // Watch for a replaced head once the processor's state is known (any replaced block rolled back).
      onConnected: () =>
        new HeadWatcher(cfg.databaseUrl, rpc, Math.max(cfg.headPollIntervalMs, 100), (r) => {
          log.warn(
            r,
            `same-height reorg: block ${r.height} was replaced; restarting the processor to roll it back`,
          );
          stop.restart(RESTART_EXIT_CODE);
        }).start(),
    });
  const processor = createProcessor(cfg, front.url);
  const head = new HeadPoller(cfg.rpcUrl, Math.max(cfg.headPollIntervalMs, 500)).start();
  const progress = new Progress(cfg.progressIntervalS, (line, fields) => log.info(fields, line));
  let handler: BatchHandler | undefined;
  let malformedTotal = 0;
  const totals = {
    startedAt: 0,
    batches: 0,
    blocks: 0,
    events: 0,
    rows: 0,
    decodeMs: 0,
    loadMs: 0,
    applyMs: 0,
    writeMs: 0,
    handlerMs: 0,
    bulkQueries: 0,
    singleLookups: 0,
    firstAt: 0,
    lastAt: 0,
    writes: {} as WriteProfile,
    deferredIndexes: deferred,
    indexBuildMs: 0,
  };
  // One summary line at exit (stdout to a pipe or file is synchronous on Linux): what the benchmark reads.
  process.on('exit', (code) => {
    const wallMs = totals.lastAt - totals.startedAt;
    const rpc = front.stats;
    console.log(
      JSON.stringify({ msg: 'indexer summary', code, mode: cfg.handlerMode, wallMs, rpc, ...totals }),
    );
  });
  log.info(
    {
      rpc: cfg.rpcUrl,
      chainId: cfg.deployment.chainId,
      from: cfg.deployment.startBlock,
      finality: cfg.finalityConfirmations,
      foreignKeyChecks: skipFk ? 'skipped by the batch writer (FK_CHECKS=on keeps them)' : 'on',
      checkLogs: cfg.checkLogs,
    },
    'starting indexer',
  );
  totals.startedAt = performance.now();
  processor.run(db, async (ctx) => {
    handler ??= new BatchHandler(
      { contracts: cfg.deployment.contracts },
      db.dataSource,
      log,
      cfg.handlerMode,
      skipFk,
    );
    const reachedStop = (height: number) => cfg.stopAtHeight !== undefined && height >= cfg.stopAtHeight;
    // At the head (or the planned stop) the backfill is over: build what it deferred, in this batch's transaction.
    const buildDeferred = async (height: number | undefined) => {
      if (!deferred || !(ctx.isHead || (height !== undefined && reachedStop(height)))) return;
      const t = performance.now();
      const n = await buildDeferredIndexes((sql, p) => ctx.store.query(sql, p));
      deferred = 0;
      totals.indexBuildMs = performance.now() - t;
      log.info(
        { indexes: n, ms: Math.round(totals.indexBuildMs) },
        'built the indexes deferred by the backfill',
      );
    };
    if (ctx.blocks.length === 0) return buildDeferred(undefined);
    const t0 = performance.now();
    if (!totals.firstAt) totals.firstAt = t0;
    const r = await handler.handle(ctx.store, ctx.blocks);
    const last = ctx.blocks[ctx.blocks.length - 1].header;
    await bulkWrite(
      ctx.store,
      [
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
      ],
      'upsert',
    );
    if (r.malformed) {
      malformedTotal += r.malformed;
      log.warn({ malformed: r.malformed, total: malformedTotal }, 'malformed events skipped in this batch');
    }
    progress.record(r.blocks, r.events, last.height, head.head?.height);
    stats.record(r.events, ctx.isHead);
    totals.batches++;
    totals.blocks += r.blocks;
    totals.events += r.events;
    totals.rows += r.rowsWritten;
    totals.decodeMs += r.timings.decodeMs;
    totals.loadMs += r.timings.loadMs;
    totals.applyMs += r.timings.applyMs;
    totals.writeMs += r.timings.writeMs;
    totals.bulkQueries += r.stats.bulkQueries;
    for (const [table, w] of Object.entries(r.writes)) {
      totals.writes[table] ??= { rows: 0, ms: 0 };
      const t = totals.writes[table];
      t.rows += w.rows;
      t.ms += w.ms;
    }
    totals.singleLookups += r.stats.singleLookups;
    await buildDeferred(last.height);
    totals.lastAt = performance.now();
    totals.handlerMs += totals.lastAt - t0;
    if (reachedStop(last.height)) stopWhenCommitted(cfg, stats);
  });
}
