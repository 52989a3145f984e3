import type { OrderBy, Where } from '../ir/where.js';
import type { ColumnField, Entity, FkField, Model } from '../model/readModel.js';
import { isCompareOp } from '../model/whereOperators.js';
import { ident, type SqlParams } from './SqlParams.js';
import { sqlType } from './sqlTypes.js';

/** A row of `entity` under a table alias: what column references are printed against. */
export interface Cursor {
  entity: Entity;
  alias: string;
}

/**
 * The FROM scope of one SELECT: the LEFT JOINs that relation filters and relation orderings need, each relation
 * joined once (a filter and an ordering through `owner` share one join, as in OpenReader).
 */
export class Scope {
  private joins = new Map<string, Cursor>();
  private clauses: string[] = [];

  constructor(
    readonly model: Model,
    readonly sql: SqlParams,
  ) {}

  /** The row `via` points to from `from` (a many-to-one relation: a join never multiplies rows). */
  join(from: Cursor, via: FkField): Cursor {
    const key = `${from.alias}.${via.name}`;
    let c = this.joins.get(key);
    if (!c) {
      c = { entity: this.model.entities.get(via.entity) as Entity, alias: this.sql.alias() };
      this.joins.set(key, c);
      this.clauses.push(
        `LEFT JOIN ${ident(c.entity.table)} ${c.alias} ON ${c.alias}."id" = ${from.alias}.${ident(via.column)}`,
      );
    }
    return c;
  }

  joinSql(): string {
    return this.clauses.join(' ');
  }
}

const column = (cur: Cursor, f: ColumnField) => `${cur.alias}.${ident(f.column)}`;
const COMPARE = { eq: '=', not_eq: '!=', gt: '>', gte: '>=', lt: '<', lte: '<=' } as const;

/** Prints a where IR node as a SQL boolean over `cur`, adding the joins it needs to `scope`. */
export function printWhere(scope: Scope, cur: Cursor, w: Where): string {
  switch (w.op) {
    case 'and':
      return w.args.length ? w.args.map((a) => `(${printWhere(scope, cur, a)})`).join(' AND ') : 'TRUE';
    case 'or':
      return w.args.length ? w.args.map((a) => `(${printWhere(scope, cur, a)})`).join(' OR ') : 'FALSE';
    case 'isNull':
      return `${column(cur, w.field)} IS ${w.yes ? '' : 'NOT '}NULL`;
    case 'ref':
      return idOnly(w.where)
        ? printLeaf(scope.sql, `${cur.alias}.${ident(w.field.column)}`, w.where)
        : printWhere(scope, scope.join(cur, w.field), w.where);
    case 'some':
    case 'none':
    case 'every': {
      const sub = new Scope(scope.model, scope.sql);
      const rows: Cursor = {
        entity: scope.model.entities.get(w.field.entity) as Entity,
        alias: scope.sql.alias(),
      };
      const cond = w.where ? printWhere(sub, rows, w.where) : undefined;
      const from = `SELECT 1 FROM ${ident(rows.entity.table)} ${rows.alias} ${sub.joinSql()} WHERE ${rows.alias}.${ident(w.field.fkColumn)} = ${cur.alias}."id"`;
      // every: no row for which the condition is false or unknown (OpenReader counts matching = all rows).
      if (w.op === 'every') return `NOT EXISTS (${from} AND (${cond}) IS NOT TRUE)`;
      const exists = `EXISTS (${from}${cond ? ` AND (${cond})` : ''})`;
      return w.op === 'some' ? exists : `NOT ${exists}`;
    }
    default:
      return printLeaf(scope.sql, column(cur, w.field), w);
  }
}

/** A relation filter that only tests the related id reads the foreign key column itself (no join). */
function idOnly(w: Where): boolean {
  if (w.op === 'and') return w.args.length > 0 && w.args.every(idOnly);
  return (isCompareOp(w.op) || w.op === 'in' || w.op === 'not_in') && 'field' in w && w.field.name === 'id';
}

function printLeaf(sql: SqlParams, col: string, w: Where): string {
  if (w.op === 'and') return w.args.map((a) => `(${printLeaf(sql, col, a)})`).join(' AND ');
  if (!('field' in w) || w.field.kind === 'list' || w.field.kind === 'fk')
    throw new Error(`not a leaf: ${w.op}`);
  const t = sqlType(w.field);
  const p = (v: unknown, type = t) => sql.param(type === 'jsonb' ? JSON.stringify(v) : v, type);
  if (isCompareOp(w.op)) return `${col} ${COMPARE[w.op]} ${p((w as { value: unknown }).value)}`;
  switch (w.op) {
    case 'in':
      return `${col} = ANY(${sql.param(w.values, `${t}[]`)})`;
    case 'not_in':
      return `NOT (${col} = ANY(${sql.param(w.values, `${t}[]`)}))`;
    case 'contains':
      return `strpos(${col}, ${p(w.value)}) > 0`;
    case 'not_contains':
      return `strpos(${col}, ${p(w.value)}) = 0`;
    case 'containsInsensitive':
      return `strpos(lower(${col}), lower(${p(w.value)})) > 0`;
    case 'not_containsInsensitive':
      return `strpos(lower(${col}), lower(${p(w.value)})) = 0`;
    case 'startsWith':
      return `starts_with(${col}, ${p(w.value)})`;
    case 'not_startsWith':
      return `NOT starts_with(${col}, ${p(w.value)})`;
    case 'endsWith':
    case 'not_endsWith': {
      const v = p(w.value);
      return `right(${col}, length(${v})) ${w.op === 'endsWith' ? '=' : '!='} ${v}`;
    }
    case 'jsonContains':
      return `${col} @> ${p(w.value, 'jsonb')}`;
    case 'jsonHasKey':
      return `${col} ? ${p(w.value, 'text')}`;
    case 'containsAll':
      return `${col} @> ${sql.param(w.values, `${t}[]`)}`;
    case 'containsAny':
      return `${col} && ${sql.param(w.values, `${t}[]`)}`;
    case 'containsNone':
      return `NOT (${col} && ${sql.param(w.values, `${t}[]`)})`;
    default:
      throw new Error(`unexpected where node ${w.op}`);
  }
}

/** Prints an orderBy IR; the row id always comes last so that pages never overlap or skip rows. */
export function printOrderBy(scope: Scope, root: Cursor, orderBy: OrderBy): string {
  const items = orderBy.map((o) => `${column(o.via ? scope.join(root, o.via) : root, o.field)} ${o.order}`);
  if (!orderBy.some((o) => !o.via && o.field.name === 'id')) items.push(`${root.alias}."id" ASC`);
  return items.join(', ');
}
