import type { DataSource, EntityMetadata } from 'typeorm';

type Column = { name: string; get(row: object): unknown };

/**
 * Canonical JSON of a row as it is stored: columns by database name in sorted order, relations as the id
 * they store, bigints and numerics as decimal strings, times as ISO strings, absent values as null. Rows
 * built in memory and rows read back from Postgres serialize identically, so two indexers that batch the
 * chain differently still compute the same digest.
 */
export class CanonicalRows {
  // biome-ignore lint/complexity/noBannedTypes: TypeORM names entity classes by the Function type
  private readonly columns = new Map<Function, { table: string; cols: Column[] }>();

  constructor(private readonly ds: DataSource) {}

  serialize(row: object): string {
    const { table, cols } = this.meta(row.constructor);
    const parts = cols.map((c) => `${JSON.stringify(c.name)}:${canonicalValue(c.get(row))}`);
    return `${JSON.stringify(table)}:{${parts.join(',')}}`;
  }

  // biome-ignore lint/complexity/noBannedTypes: see above
  private meta(cls: Function): { table: string; cols: Column[] } {
    let m = this.columns.get(cls);
    if (!m) {
      const md: EntityMetadata = this.ds.getMetadata(cls);
      const cols = md.columns
        .map((c) => ({ name: c.databaseName, get: (row: object) => c.getEntityValue(row) as unknown }))
        .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
      m = { table: md.tableName, cols };
      this.columns.set(cls, m);
    }
    return m;
  }
}

export function canonicalValue(v: unknown): string {
  if (v === undefined || v === null) return 'null';
  if (typeof v === 'bigint') return JSON.stringify(v.toString());
  if (v instanceof Date) return JSON.stringify(v.toISOString());
  if (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'string') return JSON.stringify(v);
  if (Array.isArray(v)) return `[${v.map(canonicalValue).join(',')}]`;
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    return `{${Object.keys(o)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonicalValue(o[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(String(v));
}
