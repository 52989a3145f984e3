import type { Entity, Field } from './readModel.js';

/** How a where key compares a column with its value (the IR's operator names, as OpenReader's). */
export type CompareOp = 'eq' | 'not_eq' | 'gt' | 'gte' | 'lt' | 'lte';
export type TextOp =
  | 'contains'
  | 'not_contains'
  | 'containsInsensitive'
  | 'not_containsInsensitive'
  | 'startsWith'
  | 'not_startsWith'
  | 'endsWith'
  | 'not_endsWith';
export type ArrayOp = 'containsAll' | 'containsAny' | 'containsNone';
export type JsonOp = 'jsonContains' | 'jsonHasKey';
export type SetOp = 'some' | 'every' | 'none';
export type WhereOp = CompareOp | TextOp | ArrayOp | JsonOp | SetOp | 'in' | 'not_in' | 'isNull' | 'ref';

const COMPARE_OPS = new Set<string>(['eq', 'not_eq', 'gt', 'gte', 'lt', 'lte']);
export const isCompareOp = (op: string): op is CompareOp => COMPARE_OPS.has(op);

/** One key of a `<Entity>WhereInput`: which field, which operator, and the GraphQL type of its value. */
export interface WhereKey {
  key: string;
  field: Field;
  op: WhereOp;
  /** GraphQL input type of the value, e.g. `String`, `[BigInt!]`, `AccountWhereInput`. */
  type: string;
}

const ORDERED = new Set(['ID', 'String', 'Int', 'Float', 'DateTime', 'BigInt', 'BigDecimal']);
const TEXT_OPS: TextOp[] = [
  'contains',
  'not_contains',
  'containsInsensitive',
  'not_containsInsensitive',
  'startsWith',
  'not_startsWith',
  'endsWith',
  'not_endsWith',
];

/** OpenReader types `ID` as `String` everywhere (so a `String!` variable fits an id filter). */
export const inputScalar = (type: string) => (type === 'ID' ? 'String' : type);

/**
 * The where keys of one field, exactly as OpenReader's opencrud dialect offers them: `_isNull`, `_eq`, `_not_eq`
 * for every scalar; ordering and `_in` for ids, strings, numbers and times; text matching for ids and strings;
 * `_jsonContains` / `_jsonHasKey` (typed JSON) for JSON; `_containsAll/Any/None` for scalar lists; a nested
 * where input for relations; `_some/_every/_none` for @derivedFrom lists.
 */
export function whereKeysOf(f: Field): WhereKey[] {
  const k = (suffix: string, op: WhereOp, type: string): WhereKey => ({
    key: suffix ? `${f.name}_${suffix}` : f.name,
    field: f,
    op,
    type,
  });
  switch (f.kind) {
    case 'list':
      return (['every', 'some', 'none'] as const).map((op) => k(op, op, `${f.entity}WhereInput`));
    case 'fk':
      return [k('isNull', 'isNull', 'Boolean'), k('', 'ref', `${f.entity}WhereInput`)];
    case 'enum':
      return [
        k('isNull', 'isNull', 'Boolean'),
        k('eq', 'eq', f.enumName),
        k('not_eq', 'not_eq', f.enumName),
        k('in', 'in', `[${f.enumName}!]`),
        k('not_in', 'not_in', `[${f.enumName}!]`),
      ];
  }
  const t = inputScalar(f.type);
  if (f.list) {
    const list = `[${t}!]`;
    return [
      k('isNull', 'isNull', 'Boolean'),
      ...(['containsAll', 'containsAny', 'containsNone'] as const).map((op) => k(op, op, list)),
    ];
  }
  const keys = [k('isNull', 'isNull', 'Boolean'), k('eq', 'eq', t), k('not_eq', 'not_eq', t)];
  if (ORDERED.has(f.type)) {
    for (const op of ['gt', 'gte', 'lt', 'lte'] as const) keys.push(k(op, op, t));
    keys.push(k('in', 'in', `[${t}!]`), k('not_in', 'not_in', `[${t}!]`));
  }
  if (f.type === 'JSON') keys.push(k('jsonContains', 'jsonContains', t), k('jsonHasKey', 'jsonHasKey', t));
  if (f.type === 'ID' || f.type === 'String') for (const op of TEXT_OPS) keys.push(k(op, op, t));
  return keys;
}

const cache = new WeakMap<Entity, Map<string, WhereKey>>();

/** Every where key of an entity by name (`name_startsWith`, `owner`, `shares_some`, ...). */
export function whereKeys(e: Entity): Map<string, WhereKey> {
  let keys = cache.get(e);
  if (!keys) {
    keys = new Map();
    for (const f of e.fields.values()) for (const k of whereKeysOf(f)) keys.set(k.key, k);
    cache.set(e, keys);
  }
  return keys;
}
