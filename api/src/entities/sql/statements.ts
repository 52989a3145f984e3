import type { EntityQuery, Where } from '../ir/where.js';
import type { Entity, LookupListField, Model } from '../model/readModel.js';
import { type Cursor, printOrderBy, printWhere, Scope } from './printWhere.js';
import { ident, SqlParams } from './SqlParams.js';
import { selectColumns } from './selectColumns.js';

/** One SQL statement and exactly the parameters its text uses. */
export interface Statement {
  text: string;
  values: unknown[];
}

function scoped(model: Model, entity: Entity, where: Where | undefined, sql = new SqlParams()) {
  const scope = new Scope(model, sql);
  const root: Cursor = { entity, alias: 't' };
  const cond = where ? printWhere(scope, root, where) : 'TRUE';
  return { scope, root, cond, sql };
}

const page = (limit: number | undefined, offset: number) =>
  `${limit === undefined ? '' : ` LIMIT ${limit}`}${offset ? ` OFFSET ${offset}` : ''}`;

/** `SELECT <entity columns>` (or only the ids) of the rows a query selects, in its order, paged. */
export function listStatement(
  model: Model,
  entity: Entity,
  q: EntityQuery,
  columns: 'all' | 'id' = 'all',
): Statement {
  const { scope, root, cond, sql } = scoped(model, entity, q.where);
  const order = printOrderBy(scope, root, q.orderBy);
  const cols = columns === 'all' ? selectColumns(entity, 't') : 't."id" AS "id"';
  return {
    text: `SELECT ${cols} FROM ${ident(entity.table)} t ${scope.joinSql()} WHERE ${cond} ORDER BY ${order}${page(q.limit, q.offset)}`,
    values: sql.values,
  };
}

/** `SELECT count(*)` of the rows a where selects. */
export function countStatement(model: Model, entity: Entity, where: Where | undefined): Statement {
  const { scope, cond, sql } = scoped(model, entity, where);
  return {
    text: `SELECT count(*) AS n FROM ${ident(entity.table)} t ${scope.joinSql()} WHERE ${cond}`,
    values: sql.values,
  };
}

/**
 * The rows of a @derivedFrom list for many parents at once: one statement numbering each parent's rows in the
 * list's order (row_number over the foreign key), paged per parent.
 */
export function derivedStatement(
  model: Model,
  field: LookupListField,
  parents: readonly string[],
  q: EntityQuery,
): Statement {
  const entity = model.entities.get(field.entity) as Entity;
  const sql = new SqlParams();
  const ids = sql.param(parents, 'text[]');
  const { scope, root, cond } = scoped(model, entity, q.where, sql);
  const order = printOrderBy(scope, root, q.orderBy);
  const fk = `t.${ident(field.fkColumn)}`;
  const upTo = q.limit === undefined ? '' : ` AND s."__rn" <= ${q.offset + q.limit}`;
  return {
    text: `SELECT * FROM (SELECT ${selectColumns(entity, 't')}, ${fk} AS "__parent", row_number() OVER (PARTITION BY ${fk} ORDER BY ${order}) AS "__rn"
      FROM ${ident(entity.table)} t ${scope.joinSql()} WHERE ${fk} = ANY(${ids}) AND ${cond}) s
      WHERE s."__rn" > ${q.offset}${upTo} ORDER BY s."__parent", s."__rn"`,
    values: sql.values,
  };
}

/** Rows by id, for many ids at once. */
export function byIdsStatement(entity: Entity, ids: readonly string[]): Statement {
  return {
    text: `SELECT ${selectColumns(entity, 't')} FROM ${ident(entity.table)} t WHERE t."id" = ANY($1::text[])`,
    values: [ids],
  };
}
