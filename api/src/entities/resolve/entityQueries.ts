import { UserError } from '@ae/core';
import type { GraphQLResolveInfo } from 'graphql';
import type { Db } from '../../db/db.js';
import { decodeCursor, pageSize, tooManyRows } from '../ir/page.js';
import { parseOrderBy } from '../ir/parseOrderBy.js';
import { parseWhere } from '../ir/parseWhere.js';
import type { Entity, Model } from '../model/readModel.js';
import { countStatement, listStatement } from '../sql/statements.js';
import type { Row } from './createLoaders.js';
import { type ListArgs, overflows, parseListArgs, type QueryLimits } from './parseArgs.js';
import { selects, selectsUnder } from './requestedFields.js';

/** `xs(where, orderBy, offset, limit)`: one statement. */
export async function listRows(model: Model, db: Db, limits: QueryLimits, e: Entity, args: ListArgs) {
  const s = listStatement(model, e, parseListArgs(model, e, args, limits));
  const rows = await db.query<Row>(s.text, s.values);
  if (overflows(args, rows.length, limits)) throw tooManyRows(e.listQuery, limits.maxPageSize);
  return rows;
}

export interface ConnectionArgs {
  where?: unknown;
  orderBy: readonly string[] | string;
  first?: number | null;
  after?: string | null;
}

/**
 * `xsConnection(orderBy, after, first, where)` with OpenReader's answers: first+1 rows tell whether a next page
 * exists; totalCount comes from them when the page is not full, else from a count; past the end there is no
 * previous page; cursors are offsets.
 */
export async function connection(
  model: Model,
  db: Db,
  limits: QueryLimits,
  e: Entity,
  args: ConnectionArgs,
  info: GraphQLResolveInfo,
) {
  const orderBy = parseOrderBy(model, e, args.orderBy);
  if (orderBy.length === 0) throw new UserError('orderBy argument is required for connection');
  const limit = pageSize(args.first, limits, 'first');
  const offset = decodeCursor(args.after, limits.maxOffset);
  const where = parseWhere(model, e, args.where, limits);
  const withNodes = selectsUnder(info, ['edges', 'node']);
  const s = listStatement(model, e, { where, orderBy, limit: limit + 1, offset }, withNodes ? 'all' : 'id');
  const rows = await db.query<Row>(s.text, s.values);
  const count = rows.length;
  let totalCount: number | undefined;
  if (selects(info, 'totalCount')) {
    if (count > 0 && count <= limit) totalCount = offset + count;
    else {
      const c = countStatement(model, e, where);
      totalCount = Number((await db.query<{ n: string }>(c.text, c.values))[0]?.n ?? 0);
    }
  }
  return {
    edges: rows.slice(0, limit).map((node, i) => ({ node, cursor: String(offset + i + 1) })),
    pageInfo: {
      hasNextPage: count > limit,
      hasPreviousPage: count > 0 && offset > 0,
      startCursor: count > 0 ? String(offset + 1) : '',
      endCursor: count > 0 ? String(offset + Math.min(limit, count)) : '',
    },
    totalCount,
  };
}
