import { UserError } from '@ae/core';
import type { ColumnField, Entity, Model } from '../schema/readModel.js';
import { ident, type SqlBuilder } from './sqlBuilder.js';

/** One orderBy enum value: an optional relation to walk through, the column, the direction and null placement. */
export interface OrderTerm {
  via?: ColumnField & { kind: 'fk' };
  field: ColumnField;
  desc: boolean;
  nulls?: 'FIRST' | 'LAST';
}

const cache = new WeakMap<Entity, Map<string, OrderTerm>>();

const orderable = (f: { kind: string; type?: string; list?: boolean }) =>
  f.kind === 'enum' || (f.kind === 'scalar' && !f.list && f.type !== 'JSON' && f.type !== 'Bytes');

/** Every orderBy enum value of an entity: `field_ASC`, `field_DESC_NULLS_LAST`, `relation_field_ASC`, ... */
export function orderTerms(model: Model, entity: Entity): Map<string, OrderTerm> {
  let terms = cache.get(entity);
  if (terms) return terms;
  terms = new Map();
  for (const f of entity.fields.values()) {
    if (f.kind === 'list') continue;
    if (f.kind === 'fk') {
      const target = model.entities.get(f.entity) as Entity;
      for (const sub of target.fields.values()) {
        if (!orderable(sub)) continue;
        terms.set(`${f.name}_${sub.name}_ASC`, { via: f, field: sub as ColumnField, desc: false });
        terms.set(`${f.name}_${sub.name}_DESC`, { via: f, field: sub as ColumnField, desc: true });
      }
      continue;
    }
    if (!orderable(f)) continue;
    terms.set(`${f.name}_ASC`, { field: f, desc: false });
    terms.set(`${f.name}_DESC`, { field: f, desc: true });
    if (f.nullable) {
      for (const d of ['ASC', 'DESC'] as const) {
        for (const n of ['FIRST', 'LAST'] as const)
          terms.set(`${f.name}_${d}_NULLS_${n}`, { field: f, desc: d === 'DESC', nulls: n });
      }
    }
  }
  cache.set(entity, terms);
  return terms;
}

/**
 * Compiles orderBy values into ORDER BY items (and the LEFT JOINs that relation orderings need). The row id is
 * always the last key so that pages never overlap or skip rows.
 */
export function compileOrderBy(
  model: Model,
  entity: Entity,
  orderBy: readonly string[] | null | undefined,
  alias: string,
  sql: SqlBuilder,
): { joins: string; order: string } {
  const terms = orderTerms(model, entity);
  const joins = new Map<string, string>();
  const items: string[] = [];
  let hasId = false;
  for (const value of orderBy ?? []) {
    const t = terms.get(value);
    if (!t) throw new UserError(`unknown orderBy value ${value}`);
    let a = alias;
    if (t.via) {
      let j = joins.get(t.via.name);
      if (!j) {
        j = sql.alias();
        joins.set(t.via.name, j);
      }
      a = j;
    } else if (t.field.name === 'id') hasId = true;
    items.push(
      `${a}.${ident(t.field.column)} ${t.desc ? 'DESC' : 'ASC'}${t.nulls ? ` NULLS ${t.nulls}` : ''}`,
    );
  }
  if (!hasId) items.push(`${alias}."id" ASC`);
  const joinSql = [...joins.entries()]
    .map(([fieldName, a]) => {
      const via = entity.fields.get(fieldName) as ColumnField & { kind: 'fk' };
      const target = model.entities.get(via.entity) as Entity;
      return `LEFT JOIN ${ident(target.table)} ${a} ON ${a}."id" = ${alias}.${ident(via.column)}`;
    })
    .join(' ');
  return { joins: joinSql, order: items.join(', ') };
}
