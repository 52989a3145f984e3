import { toPlural } from '@subsquid/util-naming';
import { print } from 'graphql';
import { orderByValues } from './orderByValues.js';
import type { ColumnField, Entity, Field, Model } from './readModel.js';
import { inputScalar, whereKeysOf } from './whereOperators.js';

const desc = (d?: string, indent = '') => (d ? `${indent}${JSON.stringify(d)}\n` : '');

/** OpenReader's names: `<plural of the type>Connection`, `<Type>Edge`. */
export const connectionTypeName = (e: Entity) => `${toPlural(e.name)}Connection`;

function outputType(f: ColumnField): string {
  if (f.kind === 'fk') return f.entity;
  if (f.kind === 'enum') return f.enumName;
  const t = inputScalar(f.type);
  return f.list ? `[${t}!]` : t;
}

function outputField(f: Field): string {
  if (f.kind === 'list') {
    return `${f.name}(where: ${f.entity}WhereInput, orderBy: [${f.entity}OrderByInput!], offset: Int, limit: Int): [${f.entity}!]!`;
  }
  return `${f.name}: ${outputType(f)}${f.nullable ? '' : '!'}`;
}

function whereInput(e: Entity): string {
  const lines: string[] = [];
  for (const f of e.fields.values()) for (const k of whereKeysOf(f)) lines.push(`${k.key}: ${k.type}`);
  lines.push(`AND: [${e.name}WhereInput!]`, `OR: [${e.name}WhereInput!]`);
  return `input ${e.name}WhereInput {\n  ${lines.join('\n  ')}\n}`;
}

/**
 * The OpenReader (opencrud dialect) SDL of every entity of the model: object types (ids as String), where inputs,
 * orderBy enums, relay connections and the Query fields, with the same names, arguments and types as
 * @subsquid/graphql-server generates, so a client written for a squid works here unchanged. Built at startup from
 * schema.graphql.
 */
export function entityTypeDefs(model: Model): string {
  const out: string[] = [
    'scalar BigInt',
    'scalar BigDecimal',
    'scalar DateTime',
    'scalar JSON',
    'scalar Bytes',
    'type PageInfo {\n  hasNextPage: Boolean!\n  hasPreviousPage: Boolean!\n  startCursor: String!\n  endCursor: String!\n}',
  ];
  for (const en of model.enums.values()) out.push(print(en));
  const queries: string[] = [];
  for (const e of model.entities.values()) {
    const fields = [...e.fields.values()].map((f) => `${desc(f.description, '  ')}  ${outputField(f)}`);
    out.push(`${desc(e.description)}type ${e.name} {\n${fields.join('\n')}\n}`);
    out.push(whereInput(e));
    out.push(`enum ${e.name}OrderByInput {\n  ${[...orderByValues(model, e).keys()].join('\n  ')}\n}`);
    out.push(`type ${e.name}Edge {\n  node: ${e.name}!\n  cursor: String!\n}`);
    out.push(
      `type ${connectionTypeName(e)} {\n  edges: [${e.name}Edge!]!\n  pageInfo: PageInfo!\n  totalCount: Int!\n}`,
    );
    queries.push(
      `${e.listQuery}(where: ${e.name}WhereInput, orderBy: [${e.name}OrderByInput!], offset: Int, limit: Int): [${e.name}!]!`,
      `${e.byIdQuery}(id: String!): ${e.name}`,
      `${e.connectionQuery}(orderBy: [${e.name}OrderByInput!]!, after: String, first: Int, where: ${e.name}WhereInput): ${connectionTypeName(e)}!`,
    );
  }
  out.push(`type Query {\n  ${queries.join('\n  ')}\n}`);
  return out.join('\n\n');
}
