import { UserError } from '@ae/core';
import type { Entity, Model } from '../model/readModel.js';
import { isCompareOp, type WhereKey, whereKeys } from '../model/whereOperators.js';
import { filterJson, filterText } from './filterValues.js';
import type { Where } from './where.js';

export interface WhereLimits {
  /** Conditions (keys and AND/OR items) one where tree may hold. */
  maxWhereNodes: number;
  /** Nesting of AND/OR lists and relation filters. */
  maxWhereDepth: number;
  /** Values one `_in` / `_not_in` / `_containsAll` list may hold. */
  maxInList: number;
}

interface Ctx {
  model: Model;
  limits: WhereLimits;
  nodes: number;
}

const FALSE: Where = { op: 'or', args: [] };
const asList = (v: unknown): unknown[] => (Array.isArray(v) ? v : [v]);
const combine = (op: 'and' | 'or', args: Where[]): Where | undefined =>
  args.length === 0 ? undefined : args.length === 1 ? args[0] : { op, args };

/**
 * Parses a `<Entity>WhereInput` value (already coerced by GraphQL) into the IR, with OpenReader's meaning: the
 * keys of one object and its AND items are AND-ed, and when OR is present the result is OR-ed with each OR item
 * (`{a, OR: [b]}` is `a OR b`); an empty object is no condition. Depth and size are checked on the way down, so
 * no input, however built, can recurse further than `maxWhereDepth`.
 */
export function parseWhere(
  model: Model,
  entity: Entity,
  arg: unknown,
  limits: WhereLimits,
): Where | undefined {
  return parse({ model, limits, nodes: 0 }, entity, arg, 1);
}

function parse(ctx: Ctx, entity: Entity, arg: unknown, depth: number): Where | undefined {
  if (arg === null || arg === undefined) return undefined;
  if (typeof arg !== 'object' || Array.isArray(arg)) throw new UserError(`${entity.name}WhereInput expected`);
  if (depth > ctx.limits.maxWhereDepth) {
    throw new UserError(`where filter nested deeper than ${ctx.limits.maxWhereDepth} levels`, {
      code: 'LIMIT_EXCEEDED',
    });
  }
  const { AND, OR, ...fields } = arg as Record<string, unknown>;
  const keys = whereKeys(entity);
  const conj: Where[] = [];
  for (const [key, value] of Object.entries(fields)) {
    if (value === undefined) continue;
    count(ctx);
    const k = keys.get(key);
    if (!k) throw new UserError(`unknown filter ${entity.name}.${key}`);
    const w = condition(ctx, k, value, depth);
    if (w) conj.push(w);
  }
  for (const item of AND === null || AND === undefined ? [] : asList(AND)) {
    count(ctx);
    const w = parse(ctx, entity, item, depth + 1);
    if (w) conj.push(w);
  }
  const all = combine('and', conj);
  if (OR === null || OR === undefined) return all;
  const any = all ? [all] : [];
  for (const item of asList(OR)) {
    count(ctx);
    const w = parse(ctx, entity, item, depth + 1);
    if (w) any.push(w);
  }
  return combine('or', any);
}

function count(ctx: Ctx) {
  if (++ctx.nodes > ctx.limits.maxWhereNodes) {
    throw new UserError(`where filter too large (more than ${ctx.limits.maxWhereNodes} conditions)`, {
      code: 'LIMIT_EXCEEDED',
    });
  }
}

function condition(ctx: Ctx, k: WhereKey, value: unknown, depth: number): Where | undefined {
  const f = k.field;
  if (f.kind === 'list') {
    const where = parse(ctx, ctx.model.entities.get(f.entity) as Entity, value, depth + 1);
    if (k.op === 'every' && !where) return undefined;
    return { op: k.op as 'some' | 'every' | 'none', field: f, where };
  }
  if (k.op === 'ref' && f.kind === 'fk') {
    const where = parse(ctx, ctx.model.entities.get(f.entity) as Entity, value, depth + 1);
    return where && { op: 'ref', field: f, where };
  }
  if (k.op === 'isNull') {
    if (typeof value !== 'boolean') throw new UserError(`${k.key} expects true or false`);
    return { op: 'isNull', field: f, yes: value };
  }
  // A null value compares with SQL NULL: OpenReader's `col = NULL`, true for no row.
  if (value === null) return FALSE;
  if (f.kind === 'fk') throw new UserError(`unknown filter ${k.key}`);
  switch (k.op) {
    case 'in':
    case 'not_in':
    case 'containsAll':
    case 'containsAny':
    case 'containsNone': {
      const values = asList(value);
      if (values.length > ctx.limits.maxInList) {
        throw new UserError(`${k.key}: more than ${ctx.limits.maxInList} values`, { code: 'LIMIT_EXCEEDED' });
      }
      const checked = values.map((v) => columnValue(f, v, k.key));
      if (k.op === 'in' || k.op === 'not_in') return { op: k.op, field: f, values: checked };
      return { op: k.op, field: f as never, values: checked };
    }
    case 'jsonContains':
      return { op: 'jsonContains', field: f as never, value: filterJson(value, k.key) };
    case 'jsonHasKey':
      if (typeof value === 'object') throw new UserError(`${k.key} expects a key (a string)`);
      return { op: 'jsonHasKey', field: f as never, value: filterText(String(value), k.key) };
    default:
      if (isCompareOp(k.op)) return { op: k.op, field: f, value: columnValue(f, value, k.key) };
      return { op: k.op as 'contains', field: f, value: filterText(value, k.key) };
  }
}

/** A value compared with a column: strings checked for what text columns can hold, JSON walked. */
function columnValue(f: WhereKey['field'], v: unknown, key: string): unknown {
  if (f.kind === 'scalar' && f.type === 'JSON') return filterJson(v, key);
  if (typeof v === 'string') return filterText(v, key);
  return v;
}
