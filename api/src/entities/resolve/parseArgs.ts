import { listLimit, type PageLimits, pageOffset } from '../ir/page.js';
import { parseOrderBy } from '../ir/parseOrderBy.js';
import { parseWhere, type WhereLimits } from '../ir/parseWhere.js';
import type { EntityQuery } from '../ir/where.js';
import type { Entity, Model } from '../model/readModel.js';

export type QueryLimits = WhereLimits & PageLimits;

/** The arguments of an entity list (root query or @derivedFrom field). */
export interface ListArgs {
  where?: unknown;
  orderBy?: readonly string[] | string | null;
  limit?: number | null;
  offset?: number | null;
}

/**
 * GraphQL list arguments -> IR. Without a limit the query asks for one row more than the maximum page size, so
 * the caller can refuse a list that would be cut (see `tooManyRows`).
 */
export function parseListArgs(
  model: Model,
  entity: Entity,
  args: ListArgs,
  limits: QueryLimits,
): EntityQuery {
  const limit = listLimit(args.limit, limits);
  return {
    where: parseWhere(model, entity, args.where, limits),
    orderBy: parseOrderBy(model, entity, args.orderBy),
    limit: limit ?? limits.maxPageSize + 1,
    offset: pageOffset(args.offset, limits.maxOffset),
  };
}

/** Whether rows fetched for `args` overflow an unlimited list (more than the maximum page size). */
export const overflows = (args: ListArgs, rows: number, limits: PageLimits) =>
  (args.limit === undefined || args.limit === null) && rows > limits.maxPageSize;
