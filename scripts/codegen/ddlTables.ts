/**
 * The tables, columns and schemas that committed migrations create, read from their DDL text (the `.sql`
 * files and the SQL strings of TypeORM's `.cjs` files) in file order: CREATE SCHEMA, CREATE TABLE with its
 * column list, ALTER TABLE … ADD/DROP COLUMN, DROP TABLE. Enough for the project's migrations, whose DDL is
 * plain; a statement it cannot read makes the owners' tables incomplete, which the generated constants' database
 * test reports.
 */
export interface DdlTable {
  /** `name` or `schema.name` (schema omitted for public), unquoted. */
  name: string;
  columns: string[];
}

const ident = String.raw`"?(\w+)"?`;
const qualified = String.raw`(?:${ident}\.)?${ident}`;
const CONSTRAINT_WORDS = new Set(['constraint', 'primary', 'unique', 'check', 'foreign', 'exclude', 'like']);

/** Splits a column list at its top-level commas. */
function splitTopLevel(body: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < body.length; i++) {
    const ch = body[i];
    if (ch === '(') depth++;
    else if (ch === ')') depth--;
    else if (ch === ',' && depth === 0) {
      out.push(body.slice(start, i));
      start = i + 1;
    }
  }
  out.push(body.slice(start));
  return out.map((s) => s.trim()).filter(Boolean);
}

/** The text inside the parenthesis that opens at `open`. */
function parenBody(text: string, open: number): string {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    if (text[i] === '(') depth++;
    else if (text[i] === ')' && --depth === 0) return text.slice(open + 1, i);
  }
  throw new Error(`unbalanced parenthesis in a CREATE TABLE at offset ${open}`);
}

const tableName = (schema: string | undefined, name: string) =>
  schema && schema !== 'public' ? `${schema}.${name}` : name;

/** Applies the DDL of one migration's text to `tables` (in place) and returns the schemas it creates. */
export function applyDdl(text: string, tables: Map<string, DdlTable>): string[] {
  // a TypeORM migration: only its up(), whose SQL sits in JS strings with escaped quotes
  const up = /async up\(([\s\S]*?)async down\(/.exec(text)?.[1] ?? text;
  const sql = up.replace(/\\"/g, '"').replace(/--.*$/gm, '');
  const schemas: string[] = [];
  const re = new RegExp(
    String.raw`CREATE SCHEMA (?:IF NOT EXISTS )?${ident}|CREATE TABLE (?:IF NOT EXISTS )?${qualified}\s*\(|ALTER TABLE (?:IF EXISTS )?(?:ONLY )?${qualified}\s+((?:ADD|DROP) (?:COLUMN )?(?:IF (?:NOT )?EXISTS )?"?\w+"?)|DROP TABLE (?:IF EXISTS )?${qualified}`,
    'gi',
  );
  for (const m of sql.matchAll(re)) {
    if (m[1]) schemas.push(m[1]);
    else if (m[3]) {
      const name = tableName(m[2], m[3]);
      const items = splitTopLevel(parenBody(sql, m.index + m[0].length - 1));
      const columns = items
        .map((item) => /^"?(\w+)"?/.exec(item)?.[1] ?? '')
        .filter((c) => c && !CONSTRAINT_WORDS.has(c.toLowerCase()));
      const existing = tables.get(name);
      if (existing) for (const c of columns) existing.columns.includes(c) || existing.columns.push(c);
      else tables.set(name, { name, columns });
    } else if (m[5]) {
      const t = tables.get(tableName(m[4], m[5]));
      const a = /^(ADD|DROP) (?:COLUMN )?(?:IF (?:NOT )?EXISTS )?"?(\w+)"?/i.exec(m[6])!;
      if (!t || /^(constraint|primary|unique|check|foreign)$/i.test(a[2])) continue;
      if (a[1].toUpperCase() === 'ADD') t.columns.includes(a[2]) || t.columns.push(a[2]);
      else t.columns = t.columns.filter((c) => c !== a[2]);
    } else if (m[8]) tables.delete(tableName(m[7], m[8]));
  }
  return schemas;
}
