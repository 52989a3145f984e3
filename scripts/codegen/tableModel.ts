import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { toCamelCase } from '@subsquid/util-naming';
import { applyDdl, type DdlTable } from './ddlTables.js';
import { entityTables } from './entityTables.js';
import { TABLE_OWNERS, type TableOwner } from './tableOwners.js';

/** One table as the generated constants describe it. */
export interface ModelTable {
  key: string;
  /** As Postgres knows it: `name`, or `schema.name` outside public. */
  name: string;
  owner: TableOwner;
  /** Where its columns come from: an entity of a schema file, or the owner's migrations. */
  source: string;
  columns: Array<{ key: string; name: string }>;
}

export interface TableModel {
  schemas: string[];
  tables: ModelTable[];
}

const lowerFirst = (s: string) => s[0].toLowerCase() + s.slice(1);

/** What each owner's migrations create, in file order (the same order the migration runners apply them). */
export function migratedTables(root: string, owner: TableOwner): { schemas: string[]; tables: DdlTable[] } {
  const dir = join(root, TABLE_OWNERS[owner].migrations);
  const tables = new Map<string, DdlTable>();
  const schemas = readdirSync(dir)
    .filter((f) => /\.(sql|cjs|js)$/.test(f))
    .sort()
    .flatMap((f) => applyDdl(readFileSync(join(dir, f), 'utf8'), tables));
  return { schemas, tables: [...tables.values()] };
}

/**
 * Every owner's tables: an entity's table and columns by squid's naming strategy from its schema file (what the
 * owner's TypeORM migrations were generated from), any other table as its owner's migrations create it.
 */
export function readTableModel(root: string): TableModel {
  const schemas = new Set<string>();
  const tables: ModelTable[] = [];
  for (const owner of Object.keys(TABLE_OWNERS) as TableOwner[]) {
    const { schema } = TABLE_OWNERS[owner] as { schema?: string };
    const entities = schema ? entityTables(readFileSync(join(root, schema), 'utf8')) : [];
    for (const e of entities) {
      tables.push({
        key: lowerFirst(e.entity),
        name: e.name,
        owner,
        source: `${e.entity} in ${schema}`,
        columns: e.columns,
      });
    }
    const migrated = migratedTables(root, owner);
    for (const s of migrated.schemas) schemas.add(s);
    for (const t of migrated.tables) {
      if (entities.some((e) => e.name === t.name)) continue;
      tables.push({
        key: toCamelCase(t.name.replace('.', '_')),
        name: t.name,
        owner,
        source: TABLE_OWNERS[owner].migrations,
        columns: t.columns.map((c) => ({ key: toCamelCase(c), name: c })),
      });
    }
  }
  const keys = new Set<string>();
  for (const t of tables) {
    if (keys.has(t.key)) throw new Error(`two tables would be named ${t.key} in the generated constants`);
    keys.add(t.key);
  }
  return { schemas: [...schemas].sort(), tables };
}
