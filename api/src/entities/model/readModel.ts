import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT, UserError } from '@ae/core';
import { toCamelCase, toPlural, toSnakeCase } from '@subsquid/util-naming';
import {
  type DocumentNode,
  type EnumTypeDefinitionNode,
  type FieldDefinitionNode,
  Kind,
  type ObjectTypeDefinitionNode,
  parse,
  type TypeNode,
} from 'graphql';

export const SCALARS = [
  'ID',
  'String',
  'Int',
  'Float',
  'Boolean',
  'BigInt',
  'BigDecimal',
  'DateTime',
  'JSON',
  'Bytes',
] as const;
export type ScalarName = (typeof SCALARS)[number];

interface FieldBase {
  name: string;
  description?: string;
}
/** A column holding a scalar (or a list of scalars, stored as a Postgres array). */
export interface ScalarField extends FieldBase {
  kind: 'scalar';
  column: string;
  type: ScalarName;
  nullable: boolean;
  list: boolean;
}
export interface EnumField extends FieldBase {
  kind: 'enum';
  column: string;
  enumName: string;
  nullable: boolean;
}
/** A many-to-one relation stored as `<field>_id`. */
export interface FkField extends FieldBase {
  kind: 'fk';
  column: string;
  entity: string;
  nullable: boolean;
}
/** A @derivedFrom list: rows of `entity` whose `fkField` points here. */
export interface LookupListField extends FieldBase {
  kind: 'list';
  entity: string;
  fkField: string;
  fkColumn: string;
}
export type Field = ScalarField | EnumField | FkField | LookupListField;
export type ColumnField = ScalarField | EnumField | FkField;

export interface Entity {
  name: string;
  description?: string;
  table: string;
  fields: Map<string, Field>;
  /** OpenReader's query field names (camelCase plural, `<singular>ById`, `<plural>Connection`). */
  listQuery: string;
  byIdQuery: string;
  connectionQuery: string;
}

export interface Model {
  entities: Map<string, Entity>;
  enums: Map<string, EnumTypeDefinitionNode>;
  /** Types that are neither entities nor enums are stored as JSON (Subsquid @jsonField types). */
  document: DocumentNode;
}

/**
 * Reads the data model from schema.graphql the way Subsquid's codegen does (snake_case tables and columns,
 * relations as `<field>_id`), so that the API's SQL always names the columns the indexer's migrations created,
 * whatever entities the schema grows.
 */
export function readModel(sdl: string): Model {
  const document = parse(sdl);
  const enums = new Map<string, EnumTypeDefinitionNode>();
  const objects: ObjectTypeDefinitionNode[] = [];
  for (const def of document.definitions) {
    if (def.kind === Kind.ENUM_TYPE_DEFINITION) enums.set(def.name.value, def);
    else if (
      def.kind === Kind.OBJECT_TYPE_DEFINITION &&
      def.directives?.some((d) => d.name.value === 'entity')
    )
      objects.push(def);
  }
  const entityNames = new Set(objects.map((o) => o.name.value));
  const entities = new Map<string, Entity>();
  for (const o of objects) {
    const name = o.name.value;
    const singular = toCamelCase(name);
    const plural = toPlural(singular);
    const fields = new Map<string, Field>();
    for (const f of o.fields ?? []) fields.set(f.name.value, readField(name, f, entityNames, enums));
    if (!fields.has('id')) throw new UserError(`entity ${name} has no id field`);
    entities.set(name, {
      name,
      description: o.description?.value,
      table: toSnakeCase(name),
      fields,
      listQuery: plural,
      byIdQuery: `${singular}ById`,
      connectionQuery: `${plural}Connection`,
    });
  }
  // @derivedFrom must name a relation of the other side.
  for (const e of entities.values()) {
    for (const f of e.fields.values()) {
      if (f.kind !== 'list') continue;
      const target = entities.get(f.entity)?.fields.get(f.fkField);
      if (target?.kind !== 'fk' || target.entity !== e.name) {
        throw new UserError(
          `${e.name}.${f.name}: @derivedFrom(field: "${f.fkField}") names no relation to ${e.name}`,
        );
      }
    }
  }
  return { entities, enums, document };
}

function unwrap(t: TypeNode): { name: string; nullable: boolean; list: boolean } {
  let nullable = true;
  let list = false;
  let cur = t;
  if (cur.kind === Kind.NON_NULL_TYPE) {
    nullable = false;
    cur = cur.type;
  }
  if (cur.kind === Kind.LIST_TYPE) {
    list = true;
    cur = cur.type.kind === Kind.NON_NULL_TYPE ? cur.type.type : cur.type;
  }
  if (cur.kind !== Kind.NAMED_TYPE) throw new UserError('nested list types are not supported');
  return { name: cur.name.value, nullable, list };
}

function readField(
  entity: string,
  f: FieldDefinitionNode,
  entityNames: Set<string>,
  enums: Map<string, unknown>,
): Field {
  const name = f.name.value;
  const description = f.description?.value;
  const t = unwrap(f.type);
  const derived = f.directives?.find((d) => d.name.value === 'derivedFrom');
  if (derived) {
    const arg = derived.arguments?.find((a) => a.name.value === 'field');
    if (!t.list || !entityNames.has(t.name) || arg?.value.kind !== Kind.STRING) {
      throw new UserError(`${entity}.${name}: only list @derivedFrom(field: "...") relations are supported`);
    }
    const fkField = arg.value.value;
    return {
      kind: 'list',
      name,
      description,
      entity: t.name,
      fkField,
      fkColumn: `${toSnakeCase(fkField)}_id`,
    };
  }
  if (entityNames.has(t.name)) {
    if (t.list) throw new UserError(`${entity}.${name}: entity lists need @derivedFrom`);
    return {
      kind: 'fk',
      name,
      description,
      column: `${toSnakeCase(name)}_id`,
      entity: t.name,
      nullable: t.nullable,
    };
  }
  const column = toSnakeCase(name);
  if (enums.has(t.name) && !t.list)
    return { kind: 'enum', name, description, column, enumName: t.name, nullable: t.nullable };
  const type = (SCALARS as readonly string[]).includes(t.name) ? (t.name as ScalarName) : 'JSON';
  return {
    kind: 'scalar',
    name,
    description,
    column,
    type,
    nullable: t.nullable,
    list: t.list && type !== 'JSON',
  };
}

/**
 * The data model's files, one per owner of tables: the indexer's root schema.graphql and the replay worker's
 * (attribution-replay/schema.graphql). The API serves them as one model; each owner's migrations create its
 * tables. Resolved from the repository root, so it works from src and dist alike.
 */
export function schemaFiles(): string[] {
  return [join(REPO_ROOT, 'schema.graphql'), join(REPO_ROOT, 'attribution-replay', 'schema.graphql')];
}

/** The SDL of every file of the data model, concatenated (what readModel takes). */
export function readSchemaSdl(): string {
  return schemaFiles()
    .map((f) => readFileSync(f, 'utf8'))
    .join('\n');
}
