import type { Entity, Field } from '../model/readModel.js';
import { ident } from './SqlParams.js';
import { dateTimeText } from './sqlTypes.js';

const cache = new WeakMap<Entity, Map<string, string>>();

function output(f: Exclude<Field, { kind: 'list' }>, alias: string): string {
  const col = `${alias}.${ident(f.column)}`;
  if (f.kind !== 'scalar' || f.type !== 'DateTime') return col;
  return f.list ? `array(SELECT ${dateTimeText('d')} FROM unnest(${col}) AS d)` : dateTimeText(col);
}

/**
 * The SELECT list of an entity row with every column aliased to its GraphQL field name (a relation's alias holds
 * the related id) and times as OpenReader's microsecond strings, so rows from any query feed the same
 * resolvers and print the same values.
 */
export function selectColumns(entity: Entity, alias: string): string {
  let byAlias = cache.get(entity);
  if (!byAlias) {
    byAlias = new Map();
    cache.set(entity, byAlias);
  }
  let s = byAlias.get(alias);
  if (!s) {
    const cols: string[] = [];
    for (const f of entity.fields.values()) {
      if (f.kind !== 'list') cols.push(`${output(f, alias)} AS ${ident(f.name)}`);
    }
    s = cols.join(', ');
    byAlias.set(alias, s);
  }
  return s;
}
