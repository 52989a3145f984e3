import type { Store } from '@subsquid/typeorm-store';
import { In } from 'typeorm';

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

  constructor(
    readonly entity: EntityClass<E>,
    private readonly stats: CacheStats,
    /** Relations to load as ids (stub objects {id}), so loaded rows compare equal to rows built in memory. */
    private readonly relations: readonly (keyof E & string)[] = [],
  ) {}

  want(id: string | undefined | null): void {
    if (id && !this.rows.has(id)) this.wanted.add(id);
  }

  async load(store: Store): Promise<void> {
    if (this.wanted.size === 0) return;
    const ids = [...this.wanted];
    this.wanted.clear();
    for (let i = 0; i < ids.length; i += 5_000) {
      const chunk = ids.slice(i, i + 5_000);
      const found = await this.find(store, chunk);
      this.stats.bulkQueries++;
      this.stats.bulkRows += found.length;
      const byId = new Map(found.map((e) => [e.id, e]));
      for (const id of chunk) if (!this.rows.has(id)) this.rows.set(id, byId.get(id) ?? null);
    }
  }

  /** The row, or undefined when it exists neither in the database nor in this batch. */
  async get(store: Store, id: string): Promise<E | undefined> {
    let row = this.rows.get(id);
    if (row === undefined) {
      this.stats.singleLookups++;
      row = (await this.find(store, [id]))[0] ?? null;
      this.rows.set(id, row);
    }
    return row ?? undefined;
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

  /** Changed rows in the order they were first changed. */
  dirty(): E[] {
    const out: E[] = [];
    for (const id of this.dirtyIds) {
      const r = this.rows.get(id);
      if (r) out.push(r);
    }
    return out;
  }

  clearDirty(): void {
    this.dirtyIds.clear();
  }

  /** Loads rows whose `field` relation points at one of ids (e.g. the shares of some attributions). */
  async loadBy(store: Store, field: keyof E & string, ids: string[]): Promise<E[]> {
    if (ids.length === 0) return [];
    const found = (await store.find(this.entity, {
      where: { [field]: { id: In(ids) } } as never,
      loadRelationIds: { relations: this.relations },
    } as never)) as E[];
    this.stats.bulkQueries++;
    this.stats.bulkRows += found.length;
    const out: E[] = [];
    for (const e of found) {
      this.stubRelations(e);
      const known = this.rows.get(e.id);
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

  private async find(store: Store, ids: string[]): Promise<E[]> {
    const rows = (await store.find(this.entity, {
      where: { id: In(ids) } as never,
      ...(this.relations.length ? { loadRelationIds: { relations: this.relations } } : {}),
    } as never)) as E[];
    for (const r of rows) this.stubRelations(r);
    return rows;
  }

  private stubRelations(row: E): void {
    const r = row as Record<string, unknown>;
    for (const rel of this.relations) {
      const v = r[rel];
      r[rel] = typeof v === 'string' ? { id: v } : null;
    }
  }
}
