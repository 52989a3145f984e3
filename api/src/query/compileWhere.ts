import { UserError } from '@ae/core';
import type { ColumnField, Entity, Field, Model } from '../schema/readModel.js';
import { filterFamily, OPERATORS, sqlType } from './columnTypes.js';
import { ident, type SqlBuilder } from './sqlBuilder.js';

export interface WhereLimits {
  /** Conditions (leaves and nested filters) one where tree may hold. */
  maxWhereNodes: number;
  /** Values one _in / _not_in list may hold. */
  maxInList: number;
}

type Key = { field: Field; op: string };
const keyCache = new WeakMap<Entity, Map<string, Key>>();

/** Every where-input key of an entity (`name_startsWith`, `owner`, `shares_some`, ...) and what it means. */
export function whereKeys(entity: Entity): Map<string, Key> {
  let keys = keyCache.get(entity);
  if (keys) return keys;
  keys = new Map();
  for (const field of entity.fields.values()) {
    if (field.kind === 'list') {
      for (const op of ['some', 'every', 'none']) keys.set(`${field.name}_${op}`, { field, op });
      continue;
    }
    keys.set(`${field.name}_isNull`, { field, op: 'isNull' });
    if (field.kind === 'fk') {
      keys.set(field.name, { field, op: 'nested' });
      continue;
    }
    for (const op of OPERATORS[filterFamily(field)]) keys.set(`${field.name}_${op}`, { field, op });
  }
  keyCache.set(entity, keys);
  return keys;
}

interface Ctx {
  model: Model;
  sql: SqlBuilder;
  limits: WhereLimits;
  nodes: number;
}

/**
 * Compiles an OpenReader where-tree into a SQL boolean expression over `alias` (a row of `entity`). Values go
 * into $n parameters; nested relation filters become EXISTS sub-queries on the indexed foreign keys.
 */
export function compileWhere(
  model: Model,
  entity: Entity,
  where: Record<string, unknown> | null | undefined,
  alias: string,
  sql: SqlBuilder,
  limits: WhereLimits,
): string {
  return compile({ model, sql, limits, nodes: 0 }, entity, where, alias);
}

function compile(
  ctx: Ctx,
  entity: Entity,
  where: Record<string, unknown> | null | undefined,
  alias: string,
): string {
  if (!where) return 'TRUE';
  const parts: string[] = [];
  const keys = whereKeys(entity);
  for (const [key, value] of Object.entries(where)) {
    if (value === undefined || value === null) continue;
    if (++ctx.nodes > ctx.limits.maxWhereNodes) {
      throw new UserError(`where filter too large (more than ${ctx.limits.maxWhereNodes} conditions)`, {
        code: 'LIMIT_EXCEEDED',
      });
    }
    if (key === 'AND' || key === 'OR') {
      const list = (Array.isArray(value) ? value : [value]) as Record<string, unknown>[];
      if (list.length === 0) continue;
      const sub = list.map((w) => `(${compile(ctx, entity, w, alias)})`);
      parts.push(`(${sub.join(key === 'AND' ? ' AND ' : ' OR ')})`);
      continue;
    }
    const k = keys.get(key);
    if (!k) throw new UserError(`unknown filter ${entity.name}.${key}`);
    parts.push(condition(ctx, alias, k, value));
  }
  return parts.length ? parts.join(' AND ') : 'TRUE';
}

function condition(ctx: Ctx, alias: string, { field, op }: Key, value: unknown): string {
  const { sql } = ctx;
  if (field.kind === 'list') {
    const target = ctx.model.entities.get(field.entity) as Entity;
    const a = sql.alias();
    const link = `${a}.${ident(field.fkColumn)} = ${alias}."id"`;
    const inner = compile(ctx, target, value as Record<string, unknown>, a);
    const from = `SELECT 1 FROM ${ident(target.table)} ${a} WHERE ${link}`;
    if (op === 'some') return `EXISTS (${from} AND ${inner})`;
    if (op === 'none') return `NOT EXISTS (${from} AND ${inner})`;
    return `NOT EXISTS (${from} AND NOT (${inner}))`;
  }
  const col = `${alias}.${ident(field.column)}`;
  if (op === 'isNull') return value ? `${col} IS NULL` : `${col} IS NOT NULL`;
  if (field.kind === 'fk') return nested(ctx, field, col, value as Record<string, unknown>);
  return leaf(ctx, field, col, op, value);
}

/** A relation filter: id-only filters test the foreign key column itself, others join through EXISTS. */
function nested(
  ctx: Ctx,
  field: Extract<Field, { kind: 'fk' }>,
  col: string,
  where: Record<string, unknown>,
): string {
  const target = ctx.model.entities.get(field.entity) as Entity;
  const keys = Object.keys(where).filter((k) => where[k] !== undefined && where[k] !== null);
  if (keys.length > 0 && keys.every((k) => k.startsWith('id_') && k !== 'id_isNull')) {
    const idField = target.fields.get('id') as ColumnField;
    return keys.map((k) => leaf(ctx, idField, col, k.slice(3), where[k])).join(' AND ');
  }
  const a = ctx.sql.alias();
  return `EXISTS (SELECT 1 FROM ${ident(target.table)} ${a} WHERE ${a}."id" = ${col} AND ${compile(ctx, target, where, a)})`;
}

function leaf(ctx: Ctx, field: ColumnField, col: string, op: string, value: unknown): string {
  const { sql } = ctx;
  const t = sqlType(field);
  const p = (v: unknown, type = t) =>
    sql.param(t === 'jsonb' && type === 'jsonb' ? JSON.stringify(v) : v, type);
  const list = (): unknown[] => {
    const arr = Array.isArray(value) ? value : [value];
    if (arr.length > ctx.limits.maxInList) {
      throw new UserError(`_in list too long (more than ${ctx.limits.maxInList} values)`, {
        code: 'LIMIT_EXCEEDED',
      });
    }
    return arr;
  };
  switch (op) {
    case 'eq':
      return `${col} = ${p(value)}`;
    case 'not_eq':
      return `${col} <> ${p(value)}`;
    case 'gt':
      return `${col} > ${p(value)}`;
    case 'gte':
      return `${col} >= ${p(value)}`;
    case 'lt':
      return `${col} < ${p(value)}`;
    case 'lte':
      return `${col} <= ${p(value)}`;
    case 'in':
      return `${col} = ANY(${p(list(), `${t}[]`)})`;
    case 'not_in':
      return `NOT (${col} = ANY(${p(list(), `${t}[]`)}))`;
    case 'contains':
      return `strpos(${col}, ${p(value)}) > 0`;
    case 'not_contains':
      return `strpos(${col}, ${p(value)}) = 0`;
    case 'containsInsensitive':
      return `strpos(lower(${col}), lower(${p(value)})) > 0`;
    case 'not_containsInsensitive':
      return `strpos(lower(${col}), lower(${p(value)})) = 0`;
    case 'startsWith':
      return `starts_with(${col}, ${p(value)})`;
    case 'not_startsWith':
      return `NOT starts_with(${col}, ${p(value)})`;
    case 'endsWith': {
      const v = p(value);
      return `right(${col}, length(${v})) = ${v}`;
    }
    case 'not_endsWith': {
      const v = p(value);
      return `right(${col}, length(${v})) <> ${v}`;
    }
    case 'jsonContains':
      return `${col} @> ${p(value, 'jsonb')}`;
    case 'jsonHasKey':
      return `${col} ? ${p(value, 'text')}`;
    case 'containsAll':
      return `${col} @> ${p(list(), 'text[]')}`;
    case 'containsAny':
      return `${col} && ${p(list(), 'text[]')}`;
    case 'containsNone':
      return `NOT (${col} && ${p(list(), 'text[]')})`;
    default:
      throw new UserError(`unknown filter operator ${op}`);
  }
}
