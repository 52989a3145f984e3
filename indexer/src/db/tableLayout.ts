import type { DataSource, EntityMetadata } from 'typeorm';
import type { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata.js';

export interface LayoutColumn {
  /** Column name in Postgres. */
  name: string;
  /** The entity property it maps to (for a relation, the relation's property: `datanet` for `datanet_id`). */
  property: string;
  /** Postgres type of one value, as a cast target (`numeric`, `character varying`...). */
  pgType: string;
  /** The value Postgres stores for this column of an entity (relations as the id they point at). */
  toDb(entity: object): unknown;
  /** Sets the entity's property from a raw driver value (relations become `{ id }` stubs). */
  fromDb(entity: Record<string, unknown>, raw: unknown): void;
}

/** How one entity type maps onto its table, for the bulk reader and writer. */
export interface TableLayout {
  table: string;
  /** The entity class (TypeORM's metadata target). */
  entity: unknown;
  columns: LayoutColumn[];
  /** False when a column cannot travel through `unnest` (arrays): the bulk path then defers to the store. */
  bulk: boolean;
  create(): Record<string, unknown>;
}

const layouts = new WeakMap<EntityMetadata, TableLayout>();

/**
 * Reads the layout from TypeORM's metadata (the generated model is the one source of truth), once per type,
 * so that raw SQL can read and write exactly what `store.find` and `store.upsert` would.
 */
export function tableLayout(ds: DataSource, cls: abstract new (...args: never[]) => object): TableLayout {
  const md = ds.getMetadata(cls);
  let layout = layouts.get(md);
  if (!layout) {
    const columns = md.columns.map((c) => column(ds, c));
    layout = {
      table: md.tableName,
      entity: md.target,
      columns,
      bulk: md.columns.every((c) => !c.isArray),
      create: () => md.create() as Record<string, unknown>,
    };
    layouts.set(md, layout);
  }
  return layout;
}

function column(ds: DataSource, c: ColumnMetadata): LayoutColumn {
  const relation = c.relationMetadata && c.referencedColumn;
  const type = ds.driver.normalizeType(relation ? c.referencedColumn! : c);
  const transformer = Array.isArray(c.transformer) ? undefined : c.transformer;
  return {
    name: c.databaseName,
    property: c.propertyName,
    pgType: type,
    toDb: (e) => {
      const v = c.getEntityValue(e, true);
      return v === undefined ? null : v;
    },
    fromDb: relation
      ? (e, raw) => {
          e[c.propertyName] = raw == null ? null : { id: raw };
        }
      : (e, raw) => {
          e[c.propertyName] = transformer ? transformer.from(raw) : raw;
        },
  };
}
