import { readFileSync } from 'node:fs';
import { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PONDER_TABLES } from '../bench/ponderTables.js';
import { dataSourceOptions } from '../src/db/dataSourceOptions.js';

const PONDER_APP = new URL('../../bench-ponder/', import.meta.url);
const read = (path: string) => readFileSync(new URL(path, PONDER_APP), 'utf8');

// The Ponder comparison (bench/ponderCompare.ts) is only honest if the Ponder app writes the tables it is
// compared on, and those tables and columns are the indexer's: checked here without installing Ponder.
describe('the Ponder app of the comparison has the indexer tables it is compared on', () => {
  let ds: DataSource;
  beforeAll(async () => {
    ds = new DataSource(
      dataSourceOptions(process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres'),
    );
    await ds.initialize(); // builds the model's metadata; nothing is written
  });
  afterAll(() => ds?.destroy());

  it('every compared table and column is one of the indexer model, with a compatible type', () => {
    const tables = new Map(ds.entityMetadatas.map((m) => [m.tableName, m]));
    for (const t of PONDER_TABLES) {
      const md = tables.get(t.name);
      expect(md, t.name).toBeDefined();
      const cols = new Map(md!.columns.map((c) => [c.databaseName, c]));
      for (const [name, type] of Object.entries(t.columns)) {
        const c = cols.get(name);
        expect(c, `${t.name}.${name}`).toBeDefined();
        const pg = ds.driver.normalizeType(c!.relationMetadata ? c!.referencedColumn! : c!);
        const want = {
          text: /character varying|text/,
          integer: /^integer$/,
          bigint: /^numeric$/,
          timestamp: /^timestamp with time zone$/,
        };
        expect(pg, `${t.name}.${name}`).toMatch(want[type]);
      }
    }
  });

  it('the Ponder schema exports exactly the compared tables and the handlers write every one of them', () => {
    const names = PONDER_TABLES.map((t) => t.name).sort();
    const schema = read('ponder.schema.ts');
    const exported = [...schema.matchAll(/^export const (\w+) = table\('(\w+)'\);$/gm)];
    expect(exported.map((m) => m[1]).sort()).toEqual(names);
    expect(exported.every((m) => m[1] === m[2])).toBe(true);
    const handlers = read('src/index.ts');
    const written = new Set(
      [...handlers.matchAll(/context\.db\s*\.(?:insert|update)\((\w+)/g)].map((m) => m[1]),
    );
    expect([...written].sort()).toEqual(names);
  });

  it('the Ponder app is pinned to one exact 0.16 release', () => {
    const pkg = JSON.parse(read('package.json'));
    expect(pkg.dependencies.ponder).toMatch(/^0\.16\.\d+$/);
    const lock = JSON.parse(read('package-lock.json'));
    expect(lock.packages['node_modules/ponder'].version).toBe(pkg.dependencies.ponder);
  });
});
