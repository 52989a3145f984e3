import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '@ae/core';
import { TABLE } from '@ae/core/tables';
import { describe, expect, it } from 'vitest';
import { applyDdl, type DdlTable } from './ddlTables.js';
import { entityTables } from './entityTables.js';
import { handTypedTables, handTypedTablesIn, tsFiles } from './handTypedTables.js';
import { sqlIdent } from './renderTableConstants.js';
import { generateTables, TABLES_FILE } from './tables.js';

describe('generated table constants', () => {
  it('the committed core/src/generated/tables.ts is what `npm run codegen:tables` makes of the tree', () => {
    expect(readFileSync(join(REPO_ROOT, TABLES_FILE), 'utf8')).toBe(generateTables());
  });

  it("maps fields as squid's naming strategy does: snake_case, <field>_id for references, no @derivedFrom", () => {
    const [a, b] = entityTables(`
      type ModelTrainedOn @entity { id: ID! datanetVersion: DatanetVersion! learningRateE18: BigInt owners: [String!] }
      type DatanetVersion @entity { id: ID! trainedModels: [ModelTrainedOn!]! @derivedFrom(field: "datanetVersion") }`);
    expect(a).toEqual({
      entity: 'ModelTrainedOn',
      name: 'model_trained_on',
      columns: [
        { key: 'id', name: 'id' },
        { key: 'datanetVersionId', name: 'datanet_version_id' },
        { key: 'learningRateE18', name: 'learning_rate_e18' },
        { key: 'owners', name: 'owners' },
      ],
    });
    expect(b.columns).toEqual([{ key: 'id', name: 'id' }]);
  });

  it('reads the columns migrations leave: CREATE, ADD/DROP COLUMN, DROP TABLE, only the up() of a TypeORM file', () => {
    const tables = new Map<string, DdlTable>();
    const schemas = applyDdl(
      `CREATE SCHEMA IF NOT EXISTS s;
       CREATE TABLE IF NOT EXISTS s.t (a text NOT NULL, b numeric(10, 2), PRIMARY KEY (a), CONSTRAINT x UNIQUE (a, b));
       CREATE TABLE gone (x int); DROP TABLE gone;
       ALTER TABLE s.t ADD COLUMN IF NOT EXISTS c int; ALTER TABLE s.t DROP COLUMN b;
       ALTER TABLE s.t ADD CONSTRAINT "FK_1" FOREIGN KEY (c) REFERENCES q(id)`,
      tables,
    );
    expect(schemas).toEqual(['s']);
    expect([...tables.values()]).toEqual([{ name: 's.t', columns: ['a', 'c'] }]);
    applyDdl(
      'async up(db) { await db.query("ALTER TABLE \\"public\\".\\"t2\\" ADD \\"k\\" int") } async down(db) { await db.query("ALTER TABLE \\"t2\\" DROP COLUMN \\"k\\"") }',
      tables.set('t2', { name: 't2', columns: [] }),
    );
    expect(tables.get('t2')!.columns).toEqual(['k']);
  });

  it('quotes exactly the identifiers Postgres would not read back unchanged', () => {
    expect(['from', 'to', 'user', 'timestamp', 'block_number', 'Weird', 'a"b'].map(sqlIdent)).toEqual([
      '"from"',
      '"to"',
      '"user"',
      'timestamp',
      'block_number',
      '"Weird"',
      '"a""b"',
    ]);
  });

  it('no SQL outside generated code and migrations names a table by hand (TABLE.… instead)', () => {
    const workspaces = [
      'core',
      'contracts',
      'attribution-replay',
      'indexer',
      'api',
      'devnet',
      'explorer',
      'testkit',
    ];
    const files = [...workspaces.flatMap((w) => tsFiles(REPO_ROOT, w)), ...tsFiles(REPO_ROOT, 'scripts')];
    expect(files.length).toBeGreaterThan(300);
    const hits = files
      .filter((f) => !f.startsWith('scripts/codegen/'))
      .flatMap((f) => handTypedTables(REPO_ROOT, f, Object.values(TABLE)));
    expect(hits).toEqual([]);
  });

  it('finds a table named by hand in SQL text, quoted or schema-qualified, and nothing in code or prose', () => {
    const hits = (text: string) =>
      handTypedTablesIn(text, 'probe.ts', ['account', 'replay.feeder_cursor']).map((h) =>
        h.replace(/^.*?: /, ''),
      );
    expect(
      hits(
        'q(`SELECT * FROM account a JOIN "account" b ON TRUE`); q(\'UPDATE replay.feeder_cursor SET x = 1\'); q("INSERT INTO public.account")',
      ),
    ).toEqual(['FROM account', 'JOIN "account"', 'UPDATE replay.feeder_cursor', 'INTO public.account']);
    expect(
      hits(
        // biome-ignore lint/suspicious/noTemplateCurlyInString: the source text of a probe file
        "// SELECT * FROM account\nconst account = 1; q(`SELECT 1 FROM ${TABLE.account} a, account_x`); t('built from account data'); t(\"'; DROP TABLE account; --\")",
      ),
    ).toEqual([]);
  });
});
