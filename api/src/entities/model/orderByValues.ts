import type { ColumnField, Entity, FkField, Model } from './readModel.js';

export type SortOrder =
  | 'ASC'
  | 'DESC'
  | 'ASC NULLS FIRST'
  | 'ASC NULLS LAST'
  | 'DESC NULLS FIRST'
  | 'DESC NULLS LAST';

/** What one orderBy enum value sorts by: a column, reached through `via` (a relation) when set. */
export interface OrderByValue {
  via?: FkField;
  field: ColumnField;
  order: SortOrder;
}

const SUFFIXES: Array<[string, SortOrder]> = [
  ['ASC', 'ASC'],
  ['DESC', 'DESC'],
  ['ASC_NULLS_FIRST', 'ASC NULLS FIRST'],
  ['ASC_NULLS_LAST', 'ASC NULLS LAST'],
  ['DESC_NULLS_FIRST', 'DESC NULLS FIRST'],
  ['DESC_NULLS_LAST', 'DESC NULLS LAST'],
];

/** OpenReader sorts by scalars (JSON and lists excepted) and enums, nullable or not. */
const sortable = (f: { kind: string; type?: string; list?: boolean }) =>
  f.kind === 'enum' || (f.kind === 'scalar' && !f.list && f.type !== 'JSON');

const cache = new WeakMap<Entity, Map<string, OrderByValue>>();

/**
 * Every value of `<Entity>OrderByInput`, as OpenReader names them: `field_ASC`, `field_DESC`, the four
 * `_NULLS_FIRST/_LAST` variants, and the same one relation deep (`owner_totalEarned_DESC`).
 */
export function orderByValues(model: Model, entity: Entity): Map<string, OrderByValue> {
  let values = cache.get(entity);
  if (values) return values;
  values = new Map();
  for (const f of entity.fields.values()) {
    if (f.kind === 'fk') {
      const target = model.entities.get(f.entity) as Entity;
      for (const sub of target.fields.values()) {
        if (!sortable(sub)) continue;
        for (const [suffix, order] of SUFFIXES)
          values.set(`${f.name}_${sub.name}_${suffix}`, { via: f, field: sub as ColumnField, order });
      }
    } else if (sortable(f)) {
      for (const [suffix, order] of SUFFIXES)
        values.set(`${f.name}_${suffix}`, { field: f as ColumnField, order });
    }
  }
  cache.set(entity, values);
  return values;
}
