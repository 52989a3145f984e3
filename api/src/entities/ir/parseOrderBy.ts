import { UserError } from '@ae/core';
import { type OrderByValue, orderByValues } from '../model/orderByValues.js';
import type { Entity, Model } from '../model/readModel.js';
import type { OrderBy } from './where.js';

/**
 * Parses orderBy enum values into the IR with OpenReader's merge rule: the first value for a field wins, and all
 * values through one relation sort together, at the place of the first of them
 * (`[datanet_name_ASC, id_DESC, datanet_id_ASC]` sorts by datanet name, datanet id, then id).
 */
export function parseOrderBy(
  model: Model,
  entity: Entity,
  values: readonly string[] | string | null | undefined,
): OrderBy {
  const mapping = orderByValues(model, entity);
  const groups = new Map<string, OrderByValue | Map<string, OrderByValue>>();
  for (const value of typeof values === 'string' ? [values] : (values ?? [])) {
    const spec = mapping.get(value);
    if (!spec) throw new UserError(`unknown orderBy value ${value}`);
    if (!spec.via) {
      if (!groups.has(spec.field.name)) groups.set(spec.field.name, spec);
      continue;
    }
    let group = groups.get(spec.via.name);
    if (!group) {
      group = new Map();
      groups.set(spec.via.name, group);
    }
    if (group instanceof Map && !group.has(spec.field.name)) group.set(spec.field.name, spec);
  }
  return [...groups.values()].flatMap((g) => (g instanceof Map ? [...g.values()] : [g]));
}
