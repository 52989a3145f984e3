import { type Store, TypeormDatabase } from '@subsquid/typeorm-store';
import { DataSource, type EntityManager } from 'typeorm';
import { dataSourceOptions } from '../../src/db/dataSourceOptions.js';
import type { FinalTxInfo, HashAndHeight, HotTxInfo, IndexerDatabase } from '../../src/db/indexerDatabase.js';
import { IndexerStore, type RowChangeLog, type WriteMode } from '../../src/db/indexerStore.js';
import type { TableLayout } from '../../src/db/tableLayout.js';

/**
 * BENCHMARK ONLY. @subsquid/typeorm-store 1.5.1's TypeormDatabase, for the three-store comparison, reached
 * the way the indexer did before it had its own Database (its private `con`, `initTransaction`, `Store.em`
 * and change tracker): the stock store cannot load a TypeScript model otherwise. `writer`:
 * - `stock`: the handlers' rows written with the stock store's batched `store.insert` / `store.upsert`
 *   (its own change tracking in hot blocks);
 * - `bulk-on-stock`: the project's bulk writer on the stock store, as the indexer wrote before #16.
 * Never imported by src/ (the no-Subsquid-privates test covers src/ only).
 */
export function stockTypeormDatabase(url: string, writer: 'stock' | 'bulk-on-stock'): IndexerDatabase {
  const inner = new TypeormDatabase({
    supportHotBlocks: true,
    stateSchema: 'bench_stock_state',
    isolationLevel: 'SERIALIZABLE',
  });
  const priv = inner as unknown as { con?: DataSource; initTransaction(em: EntityManager): Promise<unknown> };
  let ds: DataSource | undefined;
  const adapt = (store: Store): IndexerStore => {
    const s = store as unknown as { em: () => EntityManager; changes?: Tracker };
    const em = s.em();
    const changes: RowChangeLog | undefined =
      writer === 'bulk-on-stock' && s.changes ? trackerLog(s.changes) : undefined;
    const out = new IndexerStore(em, changes);
    if (writer === 'stock')
      out.writeRows = (rows: { id: string }[], mode: WriteMode) =>
        mode === 'insert' ? store.insert(rows) : store.upsert(rows);
    return out;
  };
  const db = {
    supportsHotBlocks: true as const,
    get dataSource(): DataSource {
      if (!ds) throw new Error('not connected');
      return ds;
    },
    async connect() {
      ds = new DataSource(dataSourceOptions(url));
      await ds.initialize();
      priv.con = ds;
      return ds.transaction('SERIALIZABLE', (em) => priv.initTransaction(em));
    },
    transact: (info: FinalTxInfo, cb: (s: IndexerStore) => Promise<void>) =>
      inner.transact(info, (store) => cb(adapt(store))),
    transactHot: (info: HotTxInfo, cb: (s: IndexerStore, b: HashAndHeight) => Promise<void>) =>
      inner.transactHot(info, (store, b) => cb(adapt(store), b)),
    transactHot2: (info: HotTxInfo, cb: (s: IndexerStore, beg: number, end: number) => Promise<void>) =>
      inner.transactHot2(info, (store, beg, end) => cb(adapt(store), beg, end)),
  };
  return db as unknown as IndexerDatabase;
}

interface Tracker {
  trackInsert(cls: unknown, rows: { id: string }[]): Promise<void>;
  trackUpsert(cls: unknown, rows: { id: string }[]): Promise<void>;
}

function trackerLog(t: Tracker): RowChangeLog {
  return {
    beforeWrite: (layout: TableLayout, ids: string[], knownNew: boolean) => {
      const rows = ids.map((id) => ({ id }));
      return knownNew ? t.trackInsert(layout.entity, rows) : t.trackUpsert(layout.entity, rows);
    },
  };
}
