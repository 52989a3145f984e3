import type { ColumnField, ScalarName } from '../model/readModel.js';

const SQL_TYPES: Record<ScalarName, string> = {
  ID: 'text',
  String: 'text',
  Int: 'int4',
  Float: 'float8',
  Boolean: 'bool',
  BigInt: 'numeric',
  BigDecimal: 'numeric',
  DateTime: 'timestamptz',
  JSON: 'jsonb',
  Bytes: 'bytea',
};

/** The Postgres type a parameter compared with this column is cast to (enums and relations are text). */
export function sqlType(f: ColumnField): string {
  if (f.kind === 'scalar') return SQL_TYPES[f.type];
  return 'text';
}

/**
 * A DateTime as OpenReader prints it: UTC, always six fractional digits, so microseconds written by Postgres
 * (the replay worker's `replayedAt`) reach the client unrounded.
 */
export const dateTimeText = (col: string) =>
  `to_char((${col}) AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;
