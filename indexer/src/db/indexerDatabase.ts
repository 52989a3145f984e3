import { DataSource, type EntityManager } from 'typeorm';
import type { FinalTxInfo, HotTxInfo, IndexerDatabaseOptions } from './databaseOptions.js';
import { dataSourceOptions } from './dataSourceOptions.js';
import { rollBackHotBlocks } from './hotChangeLog.js';
import { IndexerStore } from './indexerStore.js';
import {
  assertContinuous,
  deleteFinalHotBlocks,
  type HashAndHeight,
  insertHotBlock,
  type ProcessorState,
  RACE_MSG,
  readProcessorState,
  writeFinalizedHead,
} from './processorState.js';
import { replacedFrom, rollBackReplaced } from './replacedFrom.js';
import { serializable } from './serializable.js';

export type { FinalTxInfo, HotTxInfo, IndexerDatabaseOptions } from './databaseOptions.js';
export type { HashAndHeight } from './processorState.js';

/**
 * The indexer's own implementation of the processor's `Database` (what `processor.run(db, handler)` accepts),
 * in the manner of @subsquid/typeorm-store but through public interfaces only: TypeORM for the connection
 * and the model's metadata, the project's bulk reader and writer, and its own hot-block change log
 * (hotChangeLog.ts) in tables created by the committed migrations. Each batch is one SERIALIZABLE
 * transaction, retried on serialization failures.
 */
export class IndexerDatabase {
  readonly supportsHotBlocks: true;
  private ds?: DataSource;

  constructor(
    private readonly url: string,
    private readonly opts: IndexerDatabaseOptions = {},
  ) {
    // The processor reads this flag to choose between hot-block and final-only processing.
    this.supportsHotBlocks = (opts.supportHotBlocks !== false) as true;
  }

  get dataSource(): DataSource {
    if (!this.ds) throw new Error('IndexerDatabase is not connected');
    return this.ds;
  }

  async connect(): Promise<ProcessorState> {
    if (this.ds) throw new Error('IndexerDatabase is already connected');
    const ds = new DataSource(dataSourceOptions(this.url));
    await ds.initialize();
    this.ds = ds;
    try {
      let state = await this.submit(readProcessorState);
      const from = this.opts.chainHash && (await replacedFrom(state.top, this.opts.chainHash));
      if (from !== undefined) {
        const blocks = state.top.filter((b) => b.height >= from);
        state = await this.submit((store) => rollBackReplaced(store, from));
        this.opts.onRollback?.({ from, blocks });
      }
      this.opts.onConnected?.(state);
      return state;
    } catch (e) {
      await this.disconnect().catch(() => {});
      throw e;
    }
  }

  async disconnect(): Promise<void> {
    const ds = this.ds;
    this.ds = undefined;
    await ds?.destroy();
  }

  transact(info: FinalTxInfo, cb: (store: IndexerStore) => Promise<void>): Promise<void> {
    return this.submit(async (store, em) => {
      const state = await readProcessorState(store);
      if (state.hash !== info.prevHead.hash || state.height !== info.prevHead.height)
        throw new Error(RACE_MSG);
      if (!(info.prevHead.height < info.nextHead.height)) throw new Error('the final head must move forward');
      if (state.top.length) await rollBackHotBlocks(store, state.top[0].height);
      await this.perform(em, cb);
      await writeFinalizedHead(store, state.nonce, info.nextHead);
    });
  }

  transactHot(
    info: HotTxInfo,
    cb: (store: IndexerStore, block: HashAndHeight) => Promise<void>,
  ): Promise<void> {
    return this.transactHot2(info, async (store, beg, end) => {
      for (let i = beg; i < end; i++) await cb(store, info.newBlocks[i]);
    });
  }

  transactHot2(
    info: HotTxInfo,
    cb: (store: IndexerStore, beg: number, end: number) => Promise<void>,
  ): Promise<void> {
    return this.submit(async (store, em) => {
      const state = await readProcessorState(store);
      let chain: HashAndHeight[] = [state, ...state.top];
      assertContinuous(info.baseHead, info.newBlocks);
      const newHead = info.newBlocks.at(-1) ?? info.baseHead;
      if (info.finalizedHead.height > newHead.height)
        throw new Error('the finalized head is above the new head');
      if (!chain.some((b) => b.hash === info.baseHead.hash)) throw new Error(RACE_MSG);
      if (info.newBlocks.length === 0 && chain.at(-1)?.hash !== info.baseHead.hash) throw new Error(RACE_MSG);
      if (chain[0].height > info.finalizedHead.height) throw new Error(RACE_MSG);
      const rollbackPos = info.baseHead.height + 1 - chain[0].height;
      if (rollbackPos < chain.length) await rollBackHotBlocks(store, chain[rollbackPos].height);
      if (info.newBlocks.length) {
        const finalEnd = Math.max(0, info.finalizedHead.height - info.newBlocks[0].height + 1);
        if (finalEnd > 0) await this.perform(em, (s) => cb(s, 0, finalEnd));
        for (let i = finalEnd; i < info.newBlocks.length; i++) {
          const b = info.newBlocks[i];
          await insertHotBlock(store, b);
          await this.perform(em, (s) => cb(s, i, i + 1), b.height);
        }
      }
      chain = chain.slice(0, rollbackPos).concat(info.newBlocks);
      if (chain[info.finalizedHead.height - chain[0].height]?.hash !== info.finalizedHead.hash)
        throw new Error('the finalized head is not on the indexed chain');
      await deleteFinalHotBlocks(store, info.finalizedHead.height);
      await writeFinalizedHead(store, state.nonce, info.finalizedHead);
    });
  }

  private async perform(
    em: EntityManager,
    cb: (s: IndexerStore) => Promise<void>,
    hot?: number,
  ): Promise<void> {
    const store: IndexerStore = new IndexerStore(em, hot);
    try {
      await cb(store);
    } finally {
      store.close();
    }
  }

  private submit<T>(tx: (store: IndexerStore, em: EntityManager) => Promise<T>): Promise<T> {
    return serializable(this.dataSource, tx);
  }
}
