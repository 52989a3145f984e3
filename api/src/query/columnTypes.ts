import type { ColumnField, ScalarName } from '../schema/readModel.js';

const SQL_TYPES: Record<ScalarName, string> = {
  ID: 'text',
  String: 'text',
  Int: 'int4',
  Float: 'numeric',
  Boolean: 'bool',
  BigInt: 'numeric',
  BigDecimal: 'numeric',
  DateTime: 'timestamptz',
  JSON: 'jsonb',
  Bytes: 'bytea',
};

/** The Postgres type a parameter compared with this column is cast to. */
export function sqlType(f: ColumnField): string {
  if (f.kind === 'scalar') return SQL_TYPES[f.type];
  return 'text';
}

export type FilterFamily = 'string' | 'number' | 'boolean' | 'enum' | 'json' | 'list' | 'bytes';

/** Which family of where operators a column supports. */
export function filterFamily(f: ColumnField): FilterFamily {
  if (f.kind === 'enum') return 'enum';
  if (f.kind === 'fk') return 'string';
  if (f.list) return 'list';
  switch (f.type) {
    case 'ID':
    case 'String':
      return 'string';
    case 'Boolean':
      return 'boolean';
    case 'JSON':
      return 'json';
    case 'Bytes':
      return 'bytes';
    default:
      return 'number';
  }
}

export const OPERATORS: Record<FilterFamily, string[]> = {
  string: [
    'eq',
    'not_eq',
    'gt',
    'gte',
    'lt',
    'lte',
    'in',
    'not_in',
    'contains',
    'not_contains',
    'containsInsensitive',
    'not_containsInsensitive',
    'startsWith',
    'not_startsWith',
    'endsWith',
    'not_endsWith',
  ],
  number: ['eq', 'not_eq', 'gt', 'gte', 'lt', 'lte', 'in', 'not_in'],
  boolean: ['eq', 'not_eq'],
  enum: ['eq', 'not_eq', 'in', 'not_in'],
  json: ['eq', 'not_eq', 'jsonContains', 'jsonHasKey'],
  list: ['containsAll', 'containsAny', 'containsNone'],
  bytes: ['eq', 'not_eq'],
};
