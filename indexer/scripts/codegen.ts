/**
 * Regenerates src/model/generated from the root schema.graphql (the indexer's part of the data model) with
 * Subsquid's public codegen command, `squid-typeorm-codegen`, which only reads ./schema.graphql and writes
 * ./src/model/generated: it runs in a scratch folder holding a copy of the schema, and its output is moved
 * here. Then the relative imports get a .js suffix, so the model type-checks under NodeNext ESM, and the
 * primary column an explicit type.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const codegenBin = join(dirname(require.resolve('@subsquid/typeorm-codegen/package.json')), 'bin', 'run.js');

const here = dirname(fileURLToPath(import.meta.url));
const schema = resolve(here, '../../schema.graphql');
const outPath = resolve(here, '../src/model/generated');
const scratch = mkdtempSync(join(tmpdir(), 'ae-codegen-'));
try {
  copyFileSync(schema, join(scratch, 'schema.graphql'));
  execFileSync(process.execPath, [codegenBin], { cwd: scratch, stdio: 'inherit' });
  rmSync(outPath, { recursive: true, force: true });
  cpSync(join(scratch, 'src', 'model', 'generated'), outPath, { recursive: true });
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
for (const f of readdirSync(outPath)) {
  if (!f.endsWith('.ts')) continue;
  const p = join(outPath, f);
  let src = readFileSync(p, 'utf8').replace(/from "(\.\.?\/[^"]+?)(?<!\.js)"/g, 'from "$1.js"');
  // esbuild (tsx, vitest) emits no decorator metadata, so the id column gets its type explicitly, as the
  // varchar that squid's decorator infers under tsc.
  if (src.includes('PrimaryColumn as PrimaryColumn_')) {
    src = src
      .replace('PrimaryColumn as PrimaryColumn_, ', '')
      .replace('@PrimaryColumn_()', "@PrimaryColumn_({type: 'varchar'})");
    src = `import {PrimaryColumn as PrimaryColumn_} from "typeorm"\n${src}`;
  }
  writeFileSync(p, src);
}
console.log(`generated ${readdirSync(outPath).length} files into ${outPath}`);
