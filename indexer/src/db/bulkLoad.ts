import type { IndexerStore } from './indexerStore.js';

/**
 * Loads whole rows of one entity type whose `property` (the id, or a relation such as `attribution`) is one
 * of `values`, with one parameterised `= ANY($1)` query and no ORM hydration: relations come back as
 * `{ id }` stubs, bigints through the model's own transformer, so rows equal what TypeORM's `find` with
 * `loadRelationIds` returns.
 */
export async function bulkLoad<E extends { id: string }>(
  store: IndexerStore,
  cls: abstract new (...args: never[]) => E,
  values: string[],
  property = 'id',
): Promise<E[]> {
  if (values.length === 0) return [];
  const layout = store.layout(cls);
  const col = layout.columns.find((c) => c.property === property);
  if (!col) throw new Error(`bulkLoad: ${layout.table} has no column for ${property}`);
  const raw: Record<string, unknown>[] = await store.query(
    `SELECT * FROM "${layout.table}" WHERE "${col.name}" = ANY($1::${col.pgType}[])`,
    [values],
  );
  return raw.map((r) => {
    const e = layout.create();
    for (const c of layout.columns) c.fromDb(e, r[c.name]);
    return e as unknown as E;
  });
}
