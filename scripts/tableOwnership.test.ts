import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { migrateApi } from '@ae/api';
import { REPO_ROOT } from '@ae/core';
import { COLUMN, TABLE } from '@ae/core/tables';
import { createTestDatabase, type TestDatabase } from '@ae/testkit';
import { toSnakeCase } from '@subsquid/util-naming';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MACHINERY_TABLES, TABLE_OWNERS, type TableOwner } from './codegen/tableOwners.js';

/**
 * One owner per table (#16): every table is created by the committed migrations of exactly one workspace,
 * each data-model file's entities by the migrations of the workspace that writes them, and no production
 * source runs DDL of its own. The generated TABLE/COLUMN constants (core/src/generated/tables.ts) name exactly
 * what those migrations create.
 */
const OWNERS = TABLE_OWNERS;
type Owner = TableOwner;
const MACHINERY = MACHINERY_TABLES;

const read = (p: string) => readFileSync(join(REPO_ROOT, p), 'utf8');

function createdTables(owner: Owner): string[] {
  const dir = OWNERS[owner].migrations;
  const names: string[] = [];
  for (const f of readdirSync(join(REPO_ROOT, dir)).sort()) {
    const text = read(join(dir, f));
    for (const m of text.matchAll(/CREATE TABLE (?:IF NOT EXISTS )?\\?"?(?:(\w+)\\?"?\.\\?"?)?(\w+)\\?"?/g)) {
      names.push(m[1] && m[1] !== 'public' ? `${m[1]}.${m[2]}` : m[2]);
    }
  }
  return names;
}

function entityTables(schemaFile: string): string[] {
  return [...read(schemaFile).matchAll(/^type (\w+) @entity/gm)].map((m) => toSnakeCase(m[1]));
}

function sourceFiles(dir: string): string[] {
  return readdirSync(join(REPO_ROOT, dir), { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && /\.(ts|svelte)$/.test(e.name) && !/\.test\.ts$/.test(e.name))
    .map((e) => relative(REPO_ROOT, join(e.parentPath, e.name)));
}

describe('table ownership', () => {
  const owned = Object.fromEntries(Object.keys(OWNERS).map((o) => [o, createdTables(o as Owner)])) as Record<
    Owner,
    string[]
  >;

  it('no table is created by two owners', () => {
    const seen = new Map<string, Owner>();
    for (const [owner, tables] of Object.entries(owned) as Array<[Owner, string[]]>) {
      for (const t of new Set(tables)) {
        expect(seen.get(t), `${t} created by ${seen.get(t)} and ${owner}`).toBeUndefined();
        seen.set(t, owner);
      }
    }
    expect(seen.size).toBeGreaterThan(20);
  });

  it("each data-model file's entities are created by the migrations of the workspace that owns the file", () => {
    for (const [owner, { schema }] of Object.entries(OWNERS) as Array<[Owner, { schema?: string }]>) {
      if (!schema) continue;
      const entities = entityTables(schema);
      expect(entities.length).toBeGreaterThan(0);
      for (const t of entities) expect(owned[owner], `${t} (${schema})`).toContain(t);
    }
  });

  it('no production source runs DDL (tables come from committed migrations only)', () => {
    const ddl = /\b(CREATE|ALTER|DROP)\s+(TABLE|INDEX|SCHEMA)\b/i;
    const offenders = [
      'core/src',
      'contracts/src',
      'attribution-replay/src',
      'indexer/src',
      'api/src',
      'devnet/src',
    ]
      .flatMap(sourceFiles)
      // the migration ledger itself, which applySqlMigrations must create before it can apply anything
      .filter((f) => f !== 'core/src/db/applySqlMigrations.ts')
      // drops the migrations' secondary indexes for a backfill and builds them again from their own definitions
      // (deferredIndexes.test.ts: the rebuilt set equals the migrated one); it defines nothing of its own
      .filter((f) => f !== 'indexer/src/db/deferredIndexes.ts')
      .filter((f) => ddl.test(read(f).replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '')));
    expect(offenders).toEqual([]);
  });

  describe('on a database made by every owner', () => {
    let db: TestDatabase;
    let c: pg.Client;
    beforeAll(async () => {
      db = await createTestDatabase({ prefix: 'ownership' });
      await migrateApi(db.url);
      c = new pg.Client({ connectionString: db.url });
      await c.connect();
    }, 300_000);
    afterAll(async () => {
      await c?.end();
      await db?.drop();
    });

    it('every table there has exactly one owner', async () => {
      const { rows } = await c.query<{ name: string }>(
        `SELECT CASE WHEN table_schema = 'public' THEN table_name ELSE table_schema || '.' || table_name END AS name
           FROM information_schema.tables
          WHERE table_schema NOT IN ('pg_catalog', 'information_schema') AND table_type = 'BASE TABLE'`,
      );
      const all = new Set(Object.values(owned).flat());
      const orphans = rows.map((r) => r.name).filter((n) => !MACHINERY.has(n) && !all.has(n));
      expect(orphans).toEqual([]);
      expect(rows.map((r) => r.name)).toContain('attribution_verdict');
    });

    it('the generated TABLE and COLUMN constants name exactly the tables and columns there', async () => {
      const { rows } = await c.query<{ t: string; col: string }>(
        `SELECT CASE WHEN c.table_schema = 'public' THEN c.table_name ELSE c.table_schema || '.' || c.table_name END AS t,
                c.column_name AS col
           FROM information_schema.columns c JOIN information_schema.tables t USING (table_schema, table_name)
          WHERE c.table_schema NOT IN ('pg_catalog', 'information_schema') AND t.table_type = 'BASE TABLE'`,
      );
      const unquote = (s: string) => s.replace(/^"(.*)"$/, '$1').replace(/""/g, '"');
      const inDb = new Set(rows.filter((r) => !MACHINERY.has(r.t)).map((r) => `${r.t} ${r.col}`));
      const generated = new Set(
        (Object.keys(TABLE) as Array<keyof typeof TABLE>).flatMap((k) => {
          const t = TABLE[k].split('.').map(unquote).join('.');
          return Object.values(COLUMN[k] as Record<string, string>).map((col) => `${t} ${unquote(col)}`);
        }),
      );
      expect(
        [...generated].filter((x) => !inDb.has(x)),
        'constants with no such column',
      ).toEqual([]);
      expect(
        [...inDb].filter((x) => !generated.has(x)),
        'columns with no constant',
      ).toEqual([]);
      expect(generated.size).toBeGreaterThan(300);
    });
  });
});
