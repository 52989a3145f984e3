import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = new URL('.', import.meta.url).pathname;

/**
 * Ways of depending on Subsquid's internals that an upgrade can break silently (#16): deep imports into a
 * package's build output, resolving a package's module instance to patch it, prototype patches, and the
 * private members of @subsquid/typeorm-store the indexer used to reach (Store.em, its change tracker,
 * TypeormDatabase.con / initTransaction, its hot_change_log table).
 */
const FORBIDDEN: [string, RegExp][] = [
  ['deep import of a Subsquid package', /['"]@subsquid\/[^'"/]+\/(lib|src|dist)\b/],
  ['resolving a Subsquid module instance', /require\.resolve\(\s*['"]@subsquid\//],
  ['prototype patch', /\.prototype\.\w+\s*=(?!=)/],
  ['typeorm-store private: Store.em', /\.em\s*\(\)|\bem\?\s*:\s*\(\)/],
  ['typeorm-store private: change tracker', /\btrack(Insert|Upsert|Delete)\b|\bChangeTracker\b/],
  ['typeorm-store private: con / initTransaction', /\binitTransaction\b|\bself\.con\b|\bthis\.con\b/],
  ["typeorm-store's change log table", /\bhot_change_log\b/],
  ['TypeormDatabase (the project has its own Database)', /\bTypeormDatabase\b/],
  ['process.exit replaced (the processor exits through it)', /process\.exit\s*=(?!=)/],
];

/** Files allowed a named form for now (none: keep it that way). */
const PENDING: Record<string, string[]> = {};

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    if (e.isDirectory()) return e.name === 'generated' ? [] : sources(p);
    return e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') ? [p] : [];
  });
}

describe('no Subsquid internals in indexer/src', () => {
  it('finds no deep import, module patch or private member of a Subsquid package', () => {
    const found: string[] = [];
    for (const file of sources(SRC)) {
      const rel = relative(SRC, file);
      const text = readFileSync(file, 'utf8');
      for (const [what, re] of FORBIDDEN) {
        if (re.test(text) && !PENDING[rel]?.includes(what)) found.push(`${rel}: ${what}`);
      }
    }
    expect(found).toEqual([]);
  });

  it('fails on each forbidden form (the patterns match what they name)', () => {
    const samples = [
      "require('@subsquid/typeorm-config/lib/namingStrategy')",
      "require.resolve('@subsquid/rpc-client')",
      'RpcClient.prototype.isConnectionError = f',
      'const em = s.em()',
      'changes.trackUpsert(cls, rows)',
      'self.initTransaction(em)',
      'INSERT INTO squid_processor.hot_change_log',
      'class X extends TypeormDatabase {}',
      'process.exit = ((code) => {}) as never',
    ];
    for (const [i, [, re]] of FORBIDDEN.entries()) expect(re.test(samples[i]), samples[i]).toBe(true);
  });
});
