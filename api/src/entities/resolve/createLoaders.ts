import DataLoader from 'dataloader';
import type { Db } from '../../db/db.js';
import { tooManyRows } from '../ir/page.js';
import type { Entity, LookupListField, Model } from '../model/readModel.js';
import { byIdsStatement, derivedStatement } from '../sql/statements.js';
import { type ListArgs, overflows, parseListArgs, type QueryLimits } from './parseArgs.js';

export type Row = Record<string, unknown>;

export interface Loaders {
  /** Rows by id, one `id = ANY($1)` statement per entity per tick. */
  byId(entity: string): DataLoader<string, Row | null>;
  /** @derivedFrom lists for many parents at once, one statement per (field, arguments) per tick. */
  derived(field: LookupListField, args: ListArgs): DataLoader<string, Row[]>;
}

/**
 * Per-request dataloaders: every relation field and @derivedFrom list resolved during one request is batched
 * into one SQL statement per entity and tick, so nested queries cost O(depth) statements, not O(rows).
 */
export function createLoaders(model: Model, db: Db, limits: QueryLimits, batching = true): Loaders {
  // batching=false gives the naive baseline (one statement per field per row) that the bench compares against.
  const opts = batching ? { maxBatchSize: 1000 } : { batch: false, cache: false };
  const byId = new Map<string, DataLoader<string, Row | null>>();
  const derived = new Map<string, DataLoader<string, Row[]>>();
  return {
    byId(name) {
      let l = byId.get(name);
      if (!l) {
        const e = model.entities.get(name) as Entity;
        l = new DataLoader<string, Row | null>(async (ids) => {
          const s = byIdsStatement(e, ids);
          const m = new Map((await db.query<Row>(s.text, s.values)).map((r) => [r.id as string, r]));
          return ids.map((id) => m.get(id) ?? null);
        }, opts);
        byId.set(name, l);
      }
      return l;
    },
    derived(field, args) {
      const key = `${field.entity}.${field.fkField}:${JSON.stringify([args.where ?? null, args.orderBy ?? null, args.limit ?? null, args.offset ?? null])}`;
      let l = derived.get(key);
      if (!l) {
        const e = model.entities.get(field.entity) as Entity;
        const q = parseListArgs(model, e, args, limits);
        l = new DataLoader<string, Row[]>(async (parents) => {
          const s = derivedStatement(model, field, parents, q);
          const m = new Map<string, Row[]>();
          for (const r of await db.query<Row>(s.text, s.values)) {
            const p = r.__parent as string;
            const list = m.get(p);
            if (list) list.push(r);
            else m.set(p, [r]);
          }
          return parents.map((p) => {
            const rows = m.get(p) ?? [];
            return overflows(args, rows.length, limits) ? tooManyRows(field.name, limits.maxPageSize) : rows;
          });
        }, opts);
        derived.set(key, l);
      }
      return l;
    },
  };
}
