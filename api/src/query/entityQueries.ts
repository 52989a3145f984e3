import { UserError } from '@ae/core';
import type { Db } from '../db/db.js';
import type { ListArgs, QueryLimits, Row } from '../loaders/createLoaders.js';
import type { Entity, Model } from '../schema/readModel.js';
import { compileOrderBy } from './compileOrderBy.js';
import { compileWhere } from './compileWhere.js';
import { pageOffset, pageSize } from './pageSize.js';
import { selectColumns } from './selectColumns.js';
import { ident, SqlBuilder } from './sqlBuilder.js';

/** `xs(where, orderBy, limit, offset)`: one statement. */
export async function listRows(
  model: Model,
  db: Db,
  limits: QueryLimits,
  e: Entity,
  args: ListArgs,
): Promise<Row[]> {
  const limit = pageSize(args.limit, limits);
  const offset = pageOffset(args.offset, limits.maxOffset);
  const sql = new SqlBuilder();
  const where = compileWhere(model, e, args.where, 't', sql, limits);
  const { joins, order } = compileOrderBy(model, e, args.orderBy, 't', sql);
  return db.query<Row>(
    `SELECT ${selectColumns(e, 't')} FROM ${ident(e.table)} t ${joins} WHERE ${where} ORDER BY ${order} LIMIT ${limit} OFFSET ${offset}`,
    sql.params,
  );
}

export interface ConnectionArgs {
  where?: Record<string, unknown> | null;
  orderBy?: string[] | null;
  first?: number | null;
  after?: string | null;
}

/** Cursors are offsets, as in OpenReader; anything else is a clear error. */
export function decodeCursor(after: string | null | undefined, maxOffset: number): number {
  if (after === undefined || after === null) return 0;
  if (!/^\d{1,9}$/.test(after)) throw new UserError('invalid cursor');
  return pageOffset(Number(after), maxOffset);
}

/**
 * `xsConnection(where, orderBy, first, after)`: fetches first+1 rows to know whether a next page exists and
 * counts only when totalCount is selected.
 */
export async function connection(
  model: Model,
  db: Db,
  limits: QueryLimits,
  e: Entity,
  args: ConnectionArgs,
  wantCount: boolean,
) {
  const first = pageSize(args.first, limits, 'first');
  const offset = decodeCursor(args.after, limits.maxOffset);
  const sql = new SqlBuilder();
  const where = compileWhere(model, e, args.where, 't', sql, limits);
  const { joins, order } = compileOrderBy(model, e, args.orderBy, 't', sql);
  const rowsP = db.query<Row>(
    `SELECT ${selectColumns(e, 't')} FROM ${ident(e.table)} t ${joins} WHERE ${where} ORDER BY ${order} LIMIT ${first + 1} OFFSET ${offset}`,
    sql.params,
  );
  const countP = wantCount
    ? db.query<{ n: string }>(
        `SELECT count(*) AS n FROM ${ident(e.table)} t WHERE ${where}`,
        sql.params.slice(0, paramCount(where)),
      )
    : Promise.resolve([{ n: '-1' }]);
  const [rows, count] = await Promise.all([rowsP, countP]);
  const page = rows.slice(0, first);
  return {
    edges: page.map((node, i) => ({ node, cursor: String(offset + i + 1) })),
    pageInfo: {
      hasNextPage: rows.length > first,
      hasPreviousPage: offset > 0,
      startCursor: page.length ? String(offset + 1) : '',
      endCursor: page.length ? String(offset + page.length) : '',
    },
    totalCount: Number(count[0]?.n ?? 0),
  };
}

/** Highest $n placeholder used in a SQL fragment (the where clause's params come first). */
function paramCount(fragment: string): number {
  let max = 0;
  for (const m of fragment.matchAll(/\$(\d+)/g)) max = Math.max(max, Number(m[1]));
  return max;
}
