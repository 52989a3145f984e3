import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/**
 * The architecture as layers: a workspace may import only workspaces of a lower layer. `core` knows nothing of
 * the protocol; `contracts` owns the chain's interface; the PoA engine needs only those; the devnet plays the
 * protocol with the engine; the indexer reads the chain; the API reads the index; the explorer reads the API;
 * `scripts` (npm start) wires them all. `testkit` is test-only and sits outside the ladder.
 */
const LAYERS: Record<string, number> = {
  core: 0,
  contracts: 1,
  'attribution-replay': 2,
  indexer: 2,
  devnet: 3,
  api: 3,
  explorer: 4,
  scripts: 5,
};
const TEST_ONLY = new Set(['testkit']);

function* files(dir: string): Generator<string> {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    if (['node_modules', 'generated', 'dist', 'build'].includes(e.name) || e.name.startsWith('.')) continue;
    const p = join(dir, e.name);
    if (e.isDirectory()) yield* files(p);
    else if (/\.(ts|svelte|js)$/.test(e.name) && !e.name.endsWith('.d.ts')) yield p;
  }
}

const isTest = (rel: string) => /(^|\/)(test|bench|e2e)\//.test(rel) || /\.(test|spec)\.ts$/.test(rel);

function importsOf(source: string): string[] {
  const out: string[] = [];
  const re = /(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;
  for (const m of source.matchAll(re)) out.push(m[1] ?? m[2]);
  return out;
}

interface Edge {
  file: string;
  spec: string;
}

function edges(workspace: string, wantTests: boolean): Edge[] {
  const dir = join(ROOT, workspace);
  const scan = workspace === 'scripts' ? dir : join(dir, 'src');
  const out: Edge[] = [];
  for (const f of files(scan)) {
    const rel = relative(dir, f);
    if (isTest(rel) !== wantTests) continue;
    for (const spec of importsOf(readFileSync(f, 'utf8'))) out.push({ file: relative(ROOT, f), spec });
  }
  return out;
}

describe('layering', () => {
  it('production code imports only lower layers, never testkit', () => {
    const bad: string[] = [];
    for (const [ws, layer] of Object.entries(LAYERS)) {
      for (const { file, spec } of edges(ws, false)) {
        const m = /^@ae\/([a-z-]+)/.exec(spec);
        if (!m) continue;
        const target = m[1];
        if (TEST_ONLY.has(target)) bad.push(`${file} imports test-only ${spec}`);
        else if (target !== ws && !(LAYERS[target] < layer))
          bad.push(`${file} (layer ${layer}) imports ${spec} (layer ${LAYERS[target] ?? '?'})`);
      }
    }
    expect(bad).toEqual([]);
  });

  it('no file reaches into another workspace by a relative path', () => {
    const bad: string[] = [];
    for (const ws of [...Object.keys(LAYERS), ...TEST_ONLY]) {
      for (const wantTests of [false, true]) {
        for (const { file, spec } of edges(ws, wantTests)) {
          if (!spec.startsWith('.')) continue;
          const target = relative(ROOT, resolve(ROOT, file, '..', spec)).split('/')[0];
          if (target !== ws && target !== '..') bad.push(`${file} imports ${spec}`);
        }
      }
    }
    expect(bad).toEqual([]);
  });

  it('production code imports no test or bench file of its own workspace', () => {
    const bad: string[] = [];
    for (const ws of Object.keys(LAYERS)) {
      for (const { file, spec } of edges(ws, false)) {
        if (spec.startsWith('.') && /(^|\/)(test|bench)\/|\.test(\.js)?$/.test(spec))
          bad.push(`${file} imports ${spec}`);
      }
    }
    expect(bad).toEqual([]);
  });

  it('every workspace is on the ladder', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { workspaces: string[] };
    expect(pkg.workspaces.filter((w) => !(w in LAYERS) && !TEST_ONLY.has(w))).toEqual([]);
  });
});
