import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Entity } from '../src/entities/model/readModel.js';
import { type WhereKey, whereKeys } from '../src/entities/model/whereOperators.js';
import { ADDR, insertRow, insertWorld } from './fixtures.js';
import { type Harness, startHarness } from './harness.js';

/**
 * #13 items 6 and 7: whatever string reaches a string filter, and whatever value a client puts in a variable,
 * the answer is data or a user error, never INTERNAL; a string filter compares what the index stores for that
 * string (NUL as U+FFFD, docs/chain-strings.md). Strings: NUL anywhere, lone surrogates, every code
 * point, 100 KB. Filters: every key of every where input that compares text (ids, strings, relations' ids,
 * string lists, JSON keys and values).
 */
let h: Harness;
beforeAll(async () => {
  h = await startHarness('api_hostile');
  await insertWorld(h.pool);
});
afterAll(() => h?.close());

const USER_CODES = new Set(['BAD_USER_INPUT', 'LIMIT_EXCEEDED', 'GRAPHQL_VALIDATION_FAILED']);

/** A where value putting `s` where the key expects text. */
function valueFor(k: WhereKey, s: string): unknown {
  if (k.op === 'jsonContains') return { [s]: s, list: [s] };
  if (k.type.startsWith('[')) return [s, 'x'];
  return s;
}

/** Every text-comparing where key of every entity, with the GraphQL type of its value. */
function textKeys(): Array<{ entity: Entity; key: WhereKey }> {
  const out: Array<{ entity: Entity; key: WhereKey }> = [];
  for (const entity of h.api.model.entities.values()) {
    for (const key of whereKeys(entity).values()) {
      const f = key.field;
      if (
        f.kind === 'scalar' &&
        (f.type === 'String' || f.type === 'ID' || f.type === 'JSON') &&
        key.op !== 'isNull'
      )
        out.push({ entity, key });
    }
  }
  return out;
}

function check(r: Awaited<ReturnType<Harness['gql']>>, what: string) {
  for (const e of r.errors ?? []) {
    expect(e.extensions?.code, `${what}: ${e.message}`).not.toBe('INTERNAL');
    expect(USER_CODES.has(e.extensions?.code ?? ''), `${what}: ${e.extensions?.code} ${e.message}`).toBe(
      true,
    );
  }
}

const hostile = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }).map((s) => `${s}\u0000${s}`),
  fc.constantFrom(
    '\u0000',
    'a\u0000b',
    '\ud800',
    'x\udfffy',
    '\ud83d',
    '\uffff\ufffe',
    "'; DROP TABLE account; --",
  ),
  fc.constant('é'.repeat(50_000)), // 100 KB of UTF-8
);

describe('every string filter takes any string (no INTERNAL)', () => {
  it('takes a NUL in every text filter of every entity, compared as the index stores it (U+FFFD)', async () => {
    const keys = textKeys();
    expect(keys.length).toBeGreaterThan(300);
    // 20 filters per request (aliases): any error fails the chunk, and the message names the filter
    for (let i = 0; i < keys.length; i += 20) {
      const chunk = keys.slice(i, i + 20);
      const vars = chunk.map((c, j) => `$v${j}: ${c.key.type}`).join(', ');
      const fields = chunk
        .map((c, j) => `a${j}: ${c.entity.listQuery}(where: {${c.key.key}: $v${j}}, limit: 1) { id }`)
        .join(' ');
      const variables = Object.fromEntries(chunk.map((c, j) => [`v${j}`, valueFor(c.key, 'a\u0000b')]));
      const r = await h.gql(`query(${vars}) { ${fields} }`, variables);
      const what = chunk.map((c) => `${c.entity.name}.${c.key.key}`).join(', ');
      check(r, what);
      expect(r.errors, what).toBeUndefined();
      expect(Object.keys(r.data ?? {}).length, what).toBe(chunk.length);
    }
  });

  it('finds the row a transaction wrote with NUL bytes by the string the client meant', async () => {
    // docs/chain-strings.md: the indexer stores the chain's `nul\0name` as `nul\uFFFDname`
    await insertRow(h.pool, 'datanet', {
      id: '77',
      owner_id: ADDR.owner,
      name: 'nul\uFFFDname',
      created_block: 9,
    });
    await insertRow(h.pool, 'attribution_verdict', {
      id: '77:x',
      attribution_id: '1',
      method: 'x',
      verdict: 'VERIFIED',
      recomputed: { 'k\uFFFD': 'v\uFFFD' },
    });
    const r = await h.gql(
      `query($s: String, $p: String, $j: JSON, $k: JSON) { a: datanets(where: {name_eq: $s}) { id }
        b: datanets(where: {name_startsWith: $p, name_contains: "\u0000"}) { id }
        c: attributionVerdicts(where: {recomputed_jsonContains: $j}) { id } d: attributionVerdicts(where: {recomputed_jsonHasKey: $k}) { id } }`,
      { s: 'nul\u0000name', p: 'nul\u0000', j: { 'k\u0000': 'v\u0000' }, k: 'k\u0000' },
    );
    expect(r).toEqual({
      data: { a: [{ id: '77' }], b: [{ id: '77' }], c: [{ id: '77:x' }], d: [{ id: '77:x' }] },
    });
  });

  it('answers arbitrary strings (lone surrogates, all code points, 100 KB) with data or a user error', async () => {
    const keys = textKeys();
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: keys.length - 1 }), hostile, async (i, s) => {
        const { entity, key } = keys[i];
        const r = await h.gql(
          `query($v: ${key.type}) { ${entity.listQuery}(where: {${key.key}: $v}, limit: 5) { id } }`,
          { v: valueFor(key, s) },
        );
        check(r, `${entity.name}.${key.key} ${JSON.stringify(s.slice(0, 20))}`);
        expect(r.errors, `${entity.name}.${key.key}`).toBeUndefined();
      }),
      { numRuns: 250 },
    );
  });

  it('matches what it stores: a lone surrogate filter finds nothing and breaks nothing', async () => {
    const r = await h.gql('query($s: String) { datanets(where: {name_contains: $s}) { id } }', {
      s: 'iris\ud800',
    });
    expect(r).toEqual({ data: { datanets: [] } });
    const ok = await h.gql('query($s: String) { datanets(where: {name_startsWith: $s}) { id } }', {
      s: 'iris <',
    });
    expect(ok).toEqual({ data: { datanets: [{ id: '2' }] } });
  });
});

describe('every invalid variable value is a user error (no INTERNAL)', () => {
  const QUERY = `query($l: Int, $o: [ContributionOrderByInput!], $w: ContributionWhereInput, $s: String, $d: DateTime,
    $b: BigInt, $st: ContributionStatus, $f: Boolean, $j: JSON) {
    contributions(limit: $l, orderBy: $o, where: $w) { id }
    datanets(where: {name_eq: $s, createdAt_gt: $d, minStake_gte: $b, curated_eq: $f}) { id }
    x: contributions(where: {status_eq: $st}) { id }
    attributionVerdicts(where: {recomputed_jsonContains: $j}) { id } }`;

  it('refuses the values the issue names', async () => {
    const cases: Record<string, unknown>[] = [
      { l: 'abc' },
      { l: 1.5 },
      { l: 2 ** 40 },
      { o: ['nme_ASC'] },
      { o: 'id_ASC; DROP' },
      { w: { nope: 1 } },
      { w: { id_eq: { a: 1 } } },
      { w: { AND: 'x' } },
      { s: { a: 1 } },
      { s: ['a'] },
      { d: 'yesterday' },
      { d: 12 },
      { b: '1e5' },
      { b: 'x'.repeat(100) },
      { st: 'MAYBE' },
      { f: 'yes' },
      { w: { id_in: Array.from({ length: 2000 }, String) } },
    ];
    for (const variables of cases) {
      const r = await h.gql(QUERY, variables);
      expect(r.errors?.length, JSON.stringify(variables)).toBeGreaterThan(0);
      check(r, JSON.stringify(variables));
    }
  });

  it('refuses any JSON value in any variable as data or a user error', async () => {
    const names = ['l', 'o', 'w', 's', 'd', 'b', 'st', 'f', 'j'];
    await fc.assert(
      fc.asyncProperty(
        fc.dictionary(fc.constantFrom(...names), fc.jsonValue({ maxDepth: 4 })),
        async (vars) => {
          check(await h.gql(QUERY, vars), JSON.stringify(vars).slice(0, 200));
        },
      ),
      { numRuns: 200 },
    );
  });

  it('refuses malformed GET variables and extensions', async () => {
    for (const qs of ['variables=%7Bnope', 'variables=%5B1%5D', 'variables=null%00', 'extensions=%7B']) {
      const res = await h.api.fetch(`http://api/graphql?query=%7Bdatanets%7Bid%7D%7D&${qs}`);
      const r = await res.json();
      expect(r.errors?.length, qs).toBeGreaterThan(0);
      check(r, qs);
    }
  });
});
