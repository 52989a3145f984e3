import type { Entity } from '../schema/readModel.js';
import { ident } from './sqlBuilder.js';

const cache = new WeakMap<Entity, Map<string, string>>();

/**
 * The SELECT list of an entity row with every column aliased to its GraphQL field name (a relation's alias holds
 * the related id), so rows from any query feed the same resolvers.
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
      if (f.kind !== 'list') cols.push(`${alias}.${ident(f.column)} AS ${ident(f.name)}`);
    }
    s = cols.join(', ');
    byAlias.set(alias, s);
  }
  return s;
}
