import DataLoader from 'dataloader';
import type { Db } from '../db/db.js';
import { compileOrderBy } from '../query/compileOrderBy.js';
import { compileWhere, type WhereLimits } from '../query/compileWhere.js';
import { type PageLimits, pageOffset, pageSize } from '../query/pageSize.js';
import { selectColumns } from '../query/selectColumns.js';
import { ident, SqlBuilder } from '../query/sqlBuilder.js';
import type { Entity, LookupListField, Model } from '../schema/readModel.js';

export type Row = Record<string, unknown>;
export interface ListArgs {
  where?: Record<string, unknown> | null;
  orderBy?: string[] | null;
  limit?: number | null;
  offset?: number | null;
}

export interface Loaders {
  /** Rows by id, one `id = ANY($1)` statement per entity per tick. */
  byId(entity: string): DataLoader<string, Row | null>;
  /** @derivedFrom lists for many parents at once, one statement per (field, arguments) per tick. */
  derived(field: LookupListField, args: ListArgs): DataLoader<string, Row[]>;
}

export type QueryLimits = WhereLimits & PageLimits & { maxOffset: number };

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
          const rows = await db.query<Row>(
            `SELECT ${selectColumns(e, 't')} FROM ${ident(e.table)} t WHERE t."id" = ANY($1::text[])`,
            [ids as string[]],
          );
          const m = new Map(rows.map((r) => [r.id as string, r]));
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
        const limit = pageSize(args.limit, limits);
        const offset = pageOffset(args.offset, limits.maxOffset);
        l = new DataLoader<string, Row[]>(async (parents) => {
          const sql = new SqlBuilder();
          const ids = sql.param(parents as string[], 'text[]');
          const where = compileWhere(model, e, args.where, 't', sql, limits);
          const { joins, order } = compileOrderBy(model, e, args.orderBy, 't', sql);
          const fk = `t.${ident(field.fkColumn)}`;
          const rows = await db.query<Row>(
            `SELECT * FROM (SELECT ${selectColumns(e, 't')}, ${fk} AS "__parent", row_number() OVER (PARTITION BY ${fk} ORDER BY ${order}) AS "__rn"
             FROM ${ident(e.table)} t ${joins} WHERE ${fk} = ANY(${ids}) AND ${where}) s
             WHERE s."__rn" > ${offset} AND s."__rn" <= ${offset + limit} ORDER BY s."__parent", s."__rn"`,
            sql.params,
          );
          const m = new Map<string, Row[]>();
          for (const r of rows) {
            const p = r.__parent as string;
            const list = m.get(p);
            if (list) list.push(r);
            else m.set(p, [r]);
          }
          return parents.map((p) => m.get(p) ?? []);
        }, opts);
        derived.set(key, l);
      }
      return l;
    },
  };
}
