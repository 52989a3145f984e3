import { bulkLoad } from '../db/bulkLoad.js';
import type { IndexerStore as Store } from '../db/indexerStore.js';

export interface Entity {
  id: string;
}
export type EntityClass<E extends Entity> = new (props?: Partial<E>) => E;

/** Counters a benchmark prints: how many rows were loaded in bulk and how many needed a lookup of their own. */
export interface CacheStats {
  bulkQueries: number;
  bulkRows: number;
  singleLookups: number;
}

/**
 * The rows of one entity type that a batch reads or writes. Handlers first say which ids they will need
 * (`want`), the batch loads them all with one `IN (...)` query per type, handlers then read and mutate the
 * objects in memory, and the batch writes every changed row with one upsert per type. A row no handler
 * announced is still found (`get` falls back to a lookup of its own, counted in stats) so that correctness
 * never depends on the prefetch being complete.
 */
export class EntityCache<E extends Entity> {
  private readonly rows = new Map<string, E | null>();
  private readonly wanted = new Set<string>();
  private readonly dirtyIds = new Set<string>();
  /** Ids known to have a row in the database (loaded, or written by an earlier flush). */
  private readonly stored = new Set<string>();

  constructor(
    readonly entity: EntityClass<E>,
    private readonly stats: CacheStats,
    /**
     * Rows earlier batches committed (RowMemory), consulted before the database; asked for when first needed,
     * since a BatchState builds its caches before its constructor has stored the memory.
     */
    private readonly memoryOf?: () => Map<string, E> | undefined,
  ) {}

  private memory?: Map<string, E>;

  want(id: string | undefined | null): void {
    if (id && !this.rows.has(id)) this.wanted.add(id);
  }

  async load(store: Store): Promise<void> {
    if (this.wanted.size === 0) return;
    const ids: string[] = [];
    for (const id of this.wanted) if (!this.remembered(id)) ids.push(id);
    this.wanted.clear();
    for (let i = 0; i < ids.length; i += 5_000) {
      const chunk = ids.slice(i, i + 5_000);
      const found = await this.find(store, chunk);
      this.stats.bulkQueries++;
      this.stats.bulkRows += found.length;
      const byId = new Map(found.map((e) => [e.id, e]));
      for (const e of found) this.stored.add(e.id);
      for (const id of chunk) if (!this.rows.has(id)) this.rows.set(id, byId.get(id) ?? null);
    }
  }

  /** The row, or undefined when it exists neither in the database nor in this batch. */
  async get(store: Store, id: string): Promise<E | undefined> {
    let row = this.rows.get(id);
    if (row === undefined && this.remembered(id)) row = this.rows.get(id);
    if (row === undefined) {
      this.stats.singleLookups++;
      row = (await this.find(store, [id]))[0] ?? null;
      if (row) this.stored.add(id);
      this.rows.set(id, row);
    }
    return row ?? undefined;
  }

  /** Takes a committed row known from elsewhere (a remembered share set) unless the batch has its own. */
  adopt(row: E): E {
    const own = this.rows.get(row.id);
    if (own) return own;
    this.rows.set(row.id, row);
    this.stored.add(row.id);
    return row;
  }

  /** Every row the batch holds (loaded, created or adopted): what RowMemory keeps for the next batch. */
  *held(): IterableIterator<E> {
    for (const r of this.rows.values()) if (r) yield r;
  }

  /** A row already in memory (created or loaded in this batch); no database access. */
  peek(id: string): E | undefined {
    return this.rows.get(id) ?? undefined;
  }

  add(row: E): E {
    this.rows.set(row.id, row);
    this.dirtyIds.add(row.id);
    return row;
  }

  markDirty(row: E): void {
    this.dirtyIds.add(row.id);
  }

  /** Changed rows in the order they were first changed, split into new rows and rows the database has. */
  dirty(): { created: E[]; updated: E[] } {
    const created: E[] = [];
    const updated: E[] = [];
    for (const id of this.dirtyIds) {
      const r = this.rows.get(id);
      if (r) (this.stored.has(id) ? updated : created).push(r);
    }
    return { created, updated };
  }

  /** After a flush: every dirty row now exists in the database. */
  clearDirty(): void {
    for (const id of this.dirtyIds) this.stored.add(id);
    this.dirtyIds.clear();
  }

  /** Loads rows whose `field` relation points at one of ids (e.g. the shares of some attributions). */
  async loadBy(store: Store, field: keyof E & string, ids: string[]): Promise<E[]> {
    if (ids.length === 0) return [];
    const found = await bulkLoad(store, this.entity, ids, field);
    this.stats.bulkQueries++;
    this.stats.bulkRows += found.length;
    const out: E[] = [];
    for (const e of found) {
      this.stored.add(e.id);
      const known = this.rows.get(e.id) ?? (this.remembered(e.id) ? this.rows.get(e.id) : undefined);
      if (known) out.push(known);
      else {
        this.rows.set(e.id, e);
        out.push(e);
      }
    }
    return out;
  }

  /** Rows in memory matching a predicate (those created in this batch included). */
  filter(pred: (e: E) => boolean): E[] {
    const out: E[] = [];
    for (const r of this.rows.values()) if (r && pred(r)) out.push(r);
    return out;
  }

  /** Moves a row an earlier batch committed into this batch (as stored); false when none is remembered. */
  private remembered(id: string): boolean {
    this.memory ??= this.memoryOf?.();
    const r = this.memory?.get(id);
    if (!r) return false;
    if (!this.rows.get(id)) this.rows.set(id, r);
    this.stored.add(id);
    return true;
  }

  /** Whole rows, relations as `{ id }` stubs, so loaded rows compare equal to rows built in memory. */
  private find(store: Store, ids: string[]): Promise<E[]> {
    return bulkLoad(store, this.entity, ids);
  }
}
