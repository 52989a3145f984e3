import { toSnakeCase } from '@subsquid/util-naming';
import { Kind, parse, type TypeNode } from 'graphql';

/** One entity of a data-model file and the Postgres names squid gives it. */
export interface EntityTable {
  entity: string;
  /** squid's naming strategy: the entity name in snake_case. */
  name: string;
  /** field key (the GraphQL field; `<field>Id` for a reference to another entity) → column name. */
  columns: Array<{ key: string; name: string }>;
}

const named = (t: TypeNode): string => (t.kind === Kind.NAMED_TYPE ? t.name.value : named(t.type));
const isList = (t: TypeNode): boolean =>
  t.kind === Kind.LIST_TYPE || (t.kind === Kind.NON_NULL_TYPE && isList(t.type));

/**
 * The tables and columns that `squid-typeorm-codegen` makes of a schema file's `@entity` types: each field a
 * snake_case column, a reference to an entity its `<field>_id` column, `@derivedFrom` lists none.
 */
export function entityTables(sdl: string): EntityTable[] {
  const doc = parse(sdl);
  const entities = new Set(
    doc.definitions.flatMap((d) =>
      d.kind === Kind.OBJECT_TYPE_DEFINITION && d.directives?.some((x) => x.name.value === 'entity')
        ? [d.name.value]
        : [],
    ),
  );
  return doc.definitions.flatMap((d) => {
    if (d.kind !== Kind.OBJECT_TYPE_DEFINITION || !entities.has(d.name.value)) return [];
    const columns = (d.fields ?? []).flatMap((f) => {
      if (f.directives?.some((x) => x.name.value === 'derivedFrom')) return [];
      const field = f.name.value;
      if (entities.has(named(f.type))) {
        if (isList(f.type))
          throw new Error(`${d.name.value}.${field}: a list of entities needs @derivedFrom`);
        return [{ key: `${field}Id`, name: `${toSnakeCase(field)}_id` }];
      }
      return [{ key: field, name: toSnakeCase(field) }];
    });
    return [{ entity: d.name.value, name: toSnakeCase(d.name.value), columns }];
  });
}
