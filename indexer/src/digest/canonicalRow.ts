import type { DataSource, EntityMetadata } from 'typeorm';

type Column = { prefix: string; get(row: Record<string, unknown>): unknown };

/**
 * Canonical JSON of a row as it is stored: columns by database name in sorted order, relations as the id
 * they store, bigints and numerics as decimal strings, times as ISO strings, absent values as null. Rows
 * built in memory and rows read back from Postgres serialize identically, so two indexers that batch the
 * chain differently still compute the same digest. Runs for every row a block writes, so each entity type's
 * serializer is compiled once from the metadata (column prefixes, direct property reads).
 */
export class CanonicalRows {
  // biome-ignore lint/complexity/noBannedTypes: TypeORM names entity classes by the Function type
  private readonly columns = new Map<Function, { head: string; cols: Column[] }>();

  constructor(private readonly ds: DataSource) {}

  serialize(row: object): string {
    return this.write(this.meta(row.constructor), row as Record<string, unknown>);
  }

  /**
   * The rows' serializations in sorted order, as chainDigest sorts them: grouped by table first, each group
   * sorted on its own. Rows of two tables compare by their heads (`"name":{`, which a closing quote ends, so
   * neither is a prefix of the other), and a block writes each table's rows in nearly sorted order (ids in
   * chain order), which the sort's runs exploit; sorting the block's rows interleaved, as handlers touch them,
   * cost a twentieth of a large backfill.
   */
  serializeSorted(rows: Iterable<object>): string[] {
    const groups = new Map<{ head: string; cols: Column[] }, string[]>();
    for (const row of rows) {
      const m = this.meta(row.constructor);
      let g = groups.get(m);
      if (!g) {
        g = [];
        groups.set(m, g);
      }
      g.push(this.write(m, row as Record<string, unknown>));
    }
    const out: string[] = [];
    for (const m of [...groups.keys()].sort((a, b) => (a.head < b.head ? -1 : a.head > b.head ? 1 : 0)))
      for (const line of (groups.get(m) as string[]).sort()) out.push(line);
    return out;
  }

  private write(m: { head: string; cols: Column[] }, r: Record<string, unknown>): string {
    const cols = m.cols;
    let out = m.head;
    for (let i = 0; i < cols.length; i++) {
      out += `${i ? ',' : ''}${cols[i].prefix}${canonicalValue(cols[i].get(r))}`;
    }
    return `${out}}`;
  }

  // biome-ignore lint/complexity/noBannedTypes: see above
  private meta(cls: Function): { head: string; cols: Column[] } {
    let m = this.columns.get(cls);
    if (!m) {
      const md: EntityMetadata = this.ds.getMetadata(cls);
      const cols = md.columns
        .map((c) => {
          const prop = c.propertyName;
          const relation = Boolean(c.relationMetadata && c.referencedColumn);
          const get = relation
            ? (row: Record<string, unknown>) => {
                const v = row[prop];
                return v !== null && typeof v === 'object' ? (v as { id?: unknown }).id : v;
              }
            : (row: Record<string, unknown>) => row[prop];
          return { name: c.databaseName, prefix: `${JSON.stringify(c.databaseName)}:`, get };
        })
        .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
      m = { head: `${JSON.stringify(md.tableName)}:{`, cols };
      this.columns.set(cls, m);
    }
    return m;
  }
}

export function canonicalValue(v: unknown): string {
  if (v === undefined || v === null) return 'null';
  if (typeof v === 'string') return JSON.stringify(v);
  // decimal digits, ISO times and JSON numbers need no escaping: what JSON.stringify would write, without it
  if (typeof v === 'bigint') return `"${v}"`;
  if (v instanceof Date) return `"${v.toISOString()}"`;
  if (typeof v === 'number' || typeof v === 'boolean') return JSON.stringify(v);
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
