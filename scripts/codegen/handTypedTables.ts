import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';

const SKIP_DIRS = new Set([
  'node_modules',
  'generated',
  'migrations',
  'dist',
  'build',
  '.svelte-kit',
  '.data',
]);

/** The TypeScript files of the tree under `dir` (no dependencies, generated code, migrations or build output). */
export function tsFiles(root: string, dir: string): string[] {
  const out: string[] = [];
  for (const e of readdirSync(join(root, dir), { withFileTypes: true })) {
    if (SKIP_DIRS.has(e.name) || e.name.startsWith('.')) continue;
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...tsFiles(root, p));
    else if (/\.ts$/.test(e.name) && !e.name.endsWith('.d.ts')) out.push(p);
  }
  return out;
}

/**
 * Where SQL text in a source file names one of `tables` by hand (after FROM, JOIN, INTO, UPDATE, TABLE or
 * TRUNCATE, optionally schema-qualified or quoted), instead of interpolating the generated TABLE constant:
 * `file:line: the SQL fragment`. Only string and template literal text is read, never code or comments, and
 * the key words in the project's SQL style, upper case (so "created from model X" in prose is not SQL); a
 * `DROP TABLE x` is an injection payload in a test, not the project's SQL (no source runs DDL).
 */
export function handTypedTables(root: string, file: string, tables: readonly string[]): string[] {
  return handTypedTablesIn(readFileSync(join(root, file), 'utf8'), file, tables);
}

/** handTypedTables over a file's text. */
export function handTypedTablesIn(text: string, file: string, tables: readonly string[]): string[] {
  const bare = [...new Set(tables.map((t) => t.replace(/"/g, '')))].sort((a, b) => b.length - a.length);
  const names = bare
    .map((t) =>
      t
        .split('.')
        .map((p) => `"?${p}"?`)
        .join('\\.'),
    )
    .join('|');
  const re = new RegExp(
    String.raw`\b(?:FROM|JOIN|INTO|UPDATE|(?<!DROP )TABLE|TRUNCATE)\s+(?:ONLY\s+)?(?:"?public"?\.)?(?:${names})(?![\w."$])`,
    'g',
  );
  if (!new RegExp(re.source).test(text)) return [];
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const hits: string[] = [];
  const visit = (n: ts.Node) => {
    if (
      ts.isStringLiteral(n) ||
      ts.isNoSubstitutionTemplateLiteral(n) ||
      ts.isTemplateHead(n) ||
      ts.isTemplateMiddle(n) ||
      ts.isTemplateTail(n)
    ) {
      for (const m of n.text.matchAll(re)) {
        const line = sf.getLineAndCharacterOfPosition(n.getStart()).line + 1;
        hits.push(`${file}:${line}: ${m[0]}`);
      }
    }
    ts.forEachChild(n, visit);
  };
  visit(sf);
  return hits;
}
