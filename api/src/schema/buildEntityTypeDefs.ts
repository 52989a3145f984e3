import { print } from 'graphql';
import { filterFamily, OPERATORS } from '../query/columnTypes.js';
import { orderTerms } from '../query/compileOrderBy.js';
import type { ColumnField, Entity, Field, Model } from './readModel.js';

const desc = (d?: string, indent = '') => (d ? `${indent}${JSON.stringify(d)}\n` : '');
const pascalPlural = (e: Entity) => e.listQuery.charAt(0).toUpperCase() + e.listQuery.slice(1);

function gqlType(f: ColumnField): string {
  if (f.kind === 'fk') return f.entity;
  if (f.kind === 'enum') return f.enumName;
  return f.list ? `[${f.type}!]` : f.type;
}

function outputField(f: Field): string {
  if (f.kind === 'list') {
    return `${f.name}(where: ${f.entity}WhereInput, orderBy: [${f.entity}OrderByInput!], offset: Int, limit: Int): [${f.entity}!]!`;
  }
  const t = gqlType(f);
  return `${f.name}: ${t}${f.nullable ? '' : '!'}`;
}

function whereInput(e: Entity): string {
  const lines: string[] = [];
  for (const f of e.fields.values()) {
    if (f.kind === 'list') {
      for (const op of ['some', 'every', 'none']) lines.push(`${f.name}_${op}: ${f.entity}WhereInput`);
      continue;
    }
    lines.push(`${f.name}_isNull: Boolean`);
    if (f.kind === 'fk') {
      lines.push(`${f.name}: ${f.entity}WhereInput`);
      continue;
    }
    const fam = filterFamily(f);
    const scalar = f.kind === 'enum' ? f.enumName : f.type;
    for (const op of OPERATORS[fam]) {
      let t = scalar;
      if (op === 'in' || op === 'not_in') t = `[${scalar}!]`;
      if (fam === 'list') t = `[${scalar}!]`;
      if (op === 'jsonHasKey') t = 'String';
      lines.push(`${f.name}_${op}: ${t}`);
    }
  }
  lines.push(`AND: [${e.name}WhereInput!]`, `OR: [${e.name}WhereInput!]`);
  return `input ${e.name}WhereInput {\n  ${lines.join('\n  ')}\n}`;
}

/**
 * Generates the OpenReader-style SDL for every entity of the model: object types, where inputs, orderBy enums,
 * connections and the Query fields. Run at startup, so the API follows schema.graphql without a build step.
 */
export function buildEntityTypeDefs(model: Model): string {
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
    out.push(`enum ${e.name}OrderByInput {\n  ${[...orderTerms(model, e).keys()].join('\n  ')}\n}`);
    out.push(`type ${e.name}Edge {\n  node: ${e.name}!\n  cursor: String!\n}`);
    out.push(
      `type ${pascalPlural(e)}Connection {\n  edges: [${e.name}Edge!]!\n  pageInfo: PageInfo!\n  totalCount: Int!\n}`,
    );
    queries.push(
      `${e.listQuery}(where: ${e.name}WhereInput, orderBy: [${e.name}OrderByInput!], offset: Int, limit: Int): [${e.name}!]!`,
      `${e.byIdQuery}(id: String!): ${e.name}`,
      `${e.connectionQuery}(orderBy: [${e.name}OrderByInput!], after: String, first: Int, where: ${e.name}WhereInput): ${pascalPlural(e)}Connection!`,
    );
  }
  out.push(`type Query {\n  ${queries.join('\n  ')}\n}`);
  return out.join('\n\n');
}
