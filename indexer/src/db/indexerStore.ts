import type { EntityManager } from 'typeorm';
import { HotChangeLog } from './hotChangeLog.js';
import { type TableLayout, tableLayout } from './tableLayout.js';

export type EntityClass<E extends object = object> = abstract new (...args: never[]) => E;
export type WriteMode = 'insert' | 'update' | 'upsert';

/** What the bulk writer calls before it changes rows of an unfinalized block. */
export interface RowChangeLog {
  beforeWrite(layout: TableLayout, ids: string[], knownNew: boolean): Promise<void>;
}

/**
 * What a batch handler writes through: one database transaction of the indexer's own Database, and, while a
 * hot block is written, that block's change log. The bulk reader and writer (bulkLoad, bulkWrite) are the
 * only code that writes rows, so every row a hot block changes is logged before it changes.
 */
export class IndexerStore {
  private open = true;
  /** Set while an unfinalized block is written: what a reorg must undo. */
  readonly changes?: RowChangeLog;
  /**
   * Writes rows instead of the bulk writer's statements when set: how the benchmark measures other stores'
   * write paths with the same handlers (bench/stores). Unset in the indexer.
   */
  writeRows?(rows: { id: string }[], mode: WriteMode): Promise<void>;

  constructor(
    private readonly tx: EntityManager,
    /** The height of the unfinalized block being written (its HotChangeLog), or another change log. */
    hot?: number | RowChangeLog,
  ) {
    this.changes = typeof hot === 'number' ? new HotChangeLog(this, hot) : hot;
  }

  /** Runs one parameterised statement in the store's transaction; SELECTs answer their rows. */
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]> {
    if (!this.open) throw new Error('the batch is committed: a database call was not awaited in its handler');
    return this.tx.query(sql, params);
  }

  /** How an entity type maps onto its table (from the generated model's metadata). */
  layout(cls: EntityClass): TableLayout {
    return tableLayout(this.tx.connection, cls);
  }

  /** Called by the Database when the transaction ends: later calls are a handler bug, not a write. */
  close(): void {
    this.open = false;
  }
}
