/**
 * Regenerates src/model/generated from the root schema.graphql with @subsquid/typeorm-codegen (which only
 * looks for ./schema.graphql, so it is driven here with the root schema), then gives the relative imports a
 * .js suffix so the model type-checks under NodeNext ESM, and the primary column an explicit type.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const { loadModel } = require('@subsquid/openreader/lib/tools');
const { OutDir } = require('@subsquid/util-internal-code-printer');
const { generateOrmModels } = require('@subsquid/typeorm-codegen/lib/codegen');

const here = dirname(fileURLToPath(import.meta.url));
const schema = resolve(here, '../../schema.graphql');
const outPath = resolve(here, '../src/model/generated');
const out = new OutDir(outPath);
out.del();
generateOrmModels(loadModel(schema), out);
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
