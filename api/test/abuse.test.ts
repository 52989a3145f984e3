import { TABLE } from '@ae/core/tables';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertWorld } from './fixtures.js';
import { type Harness, startHarness } from './harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness('api_abuse');
  await insertWorld(h.pool);
});
afterAll(() => h?.close());

/** After every attack the server must still answer a normal query. */
async function stillUp() {
  const r = await h.gql('{ datanets(orderBy: [id_ASC]) { id } }');
  expect(r.data?.datanets).toEqual([{ id: '1' }, { id: '2' }]);
}

const noLeak = (errors: Array<{ message: string }> | undefined) => {
  for (const e of errors ?? []) {
    expect(e.message).not.toMatch(/SELECT|FROM\s|relation|\.ts:|at \w+ \(/);
    expect(e).not.toHaveProperty('extensions.stack');
  }
};

describe('abuse', () => {
  it('rejects an alias bomb', async () => {
    const q = `{ ${Array.from({ length: 200 }, (_, i) => `a${i}: accounts(limit: 1000) { id }`).join(' ')} }`;
    const r = await h.gql(q);
    expect(r.data ?? null).toBeNull();
    expect(r.errors?.[0]).toMatchObject({
      message: expect.stringMatching(/alias/i),
      extensions: { code: 'LIMIT_EXCEEDED' },
    });
    noLeak(r.errors);
    await stillUp();
  });

  it('rejects deep nesting', async () => {
    let inner = 'id';
    for (let i = 0; i < 20; i++) inner = `model { owner { models { ${inner} } } }`;
    const r = await h.gql(`{ inferences { ${inner} } }`);
    expect(r.errors?.[0]?.message).toMatch(/depth|cost/i);
    await stillUp();
  });

  it('rejects huge token counts and costs', async () => {
    const fields = Array.from({ length: 5000 }, () => 'id').join(' ');
    const r = await h.gql(`{ accounts { ${fields} } }`);
    expect(r.errors?.[0]?.message).toMatch(/token/i);
    await stillUp();
  });

  it('rejects huge limits, offsets, _in lists and where trees', async () => {
    const r = await h.gql('{ accounts(limit: 100000000) { id } }');
    expect(r.errors?.[0]).toMatchObject({ extensions: { code: 'LIMIT_EXCEEDED' } });
    const o = await h.gql('{ accounts(offset: 100000000) { id } }');
    expect(o.errors?.[0]?.extensions?.code).toBe('LIMIT_EXCEEDED');
    const big = await h.gql('query($ids: [String!]) { accounts(where: {id_in: $ids}) { id } }', {
      ids: Array.from({ length: 5000 }, (_, i) => String(i)),
    });
    expect(big.errors?.[0]?.extensions?.code).toBe('LIMIT_EXCEEDED');
    let where: Record<string, unknown> = { id_eq: 'x' };
    for (let i = 0; i < 300; i++) where = { OR: [where, { id_eq: String(i) }] };
    const tree = await h.gql('query($w: AccountWhereInput) { accounts(where: $w) { id } }', { w: where });
    expect(tree.errors?.[0]?.extensions?.code).toBe('LIMIT_EXCEEDED');
    const cursor = await h.gql('{ accountsConnection(orderBy: [id_ASC], after: "abc") { totalCount } }');
    expect(cursor.errors?.[0]).toMatchObject({
      message: 'invalid cursor value',
      extensions: { code: 'BAD_USER_INPUT' },
    });
    await stillUp();
  });

  it('treats injection strings in filters as plain values', async () => {
    const evil = ["'; DROP TABLE account; --", '%', '_', '\\', "x' OR '1'='1", '$1', '"id"'];
    for (const s of evil) {
      const r = await h.gql(
        'query($s: String!, $i: String!) { a: datanets(where: {name_contains: $s}) { id } b: accounts(where: {id_eq: $i}) { id } c: datanets(where: {name_startsWith: $s}) { id } }',
        { s, i: s },
      );
      expect(r.errors).toBeUndefined();
      expect(r.data).toEqual({ a: [], b: [], c: [] });
    }
    const t = await h.pool.query(`SELECT count(*)::int AS n FROM ${TABLE.account}`);
    expect(t.rows[0].n).toBe(6);
    await stillUp();
  });

  it('rejects malformed ids and scalar values with clear errors, without SQL in them', async () => {
    const cases = [
      ['{ lineage(id: "inference:abc") { root } }', 'BAD_USER_INPUT'],
      ['{ lineage(id: "") { root } }', 'BAD_USER_INPUT'],
      ['{ inferences(where: {fee_gt: "12abc"}) { id } }', null],
      ['{ inferences(where: {timestamp_gt: "yesterday"}) { id } }', null],
      ['{ accounts(orderBy: [nope_ASC]) { id } }', null],
      ['{ accounts(where: {nope_eq: "x"}) { id } }', null],
      ['{ inferences(where: {fee_gt: 1.5}) { id } }', null],
    ] as const;
    for (const [q, code] of cases) {
      const r = await h.gql(q);
      expect(r.errors?.length, q).toBeGreaterThan(0);
      if (code) expect(r.errors?.[0]?.extensions?.code, q).toBe(code);
      noLeak(r.errors);
    }
    const byId = await h.gql('{ inferenceById(id: "\' OR 1=1 --") { id } }');
    expect(byId).toEqual({ data: { inferenceById: null } });
    await stillUp();
  });

  it('masks internal errors and maps statement timeouts', async () => {
    const { mapDbError } = await import('../src/db/mapDbError.js');
    expect(
      mapDbError(Object.assign(new Error('canceling statement due to statement timeout'), { code: '57014' }))
        .code,
    ).toBe('TIMEOUT');
    const internal = mapDbError(
      Object.assign(new Error('syntax error at or near "FROM"'), { code: '42601' }),
    );
    expect(internal.code).toBe('INTERNAL');
    expect(internal.shortMessage).not.toMatch(/FROM/);
  });

  it('really times out a slow statement', async () => {
    const { createApi } = await import('../src/index.js');
    const pg = (await import('pg')).default;
    const pool = new pg.Pool({ connectionString: h.db.url, max: 1 });
    const slow = createApi({ pool, limits: { statementTimeoutMs: 1 }, logError: () => {} });
    const r = await (
      await slow.fetch('http://api/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          query: `{ lineage(id: "contribution:1", depth: 8, maxNodes: 5000) { nodes { id } } }`,
        }),
      })
    ).json();
    await pool.end();
    expect(r.errors?.[0]?.extensions?.code).toBe('TIMEOUT');
    expect(r.errors?.[0]?.message).toBe('query timed out');
  });

  it('can switch introspection off', async () => {
    const { createApi } = await import('../src/index.js');
    const closed = createApi({ pool: h.pool, introspection: false });
    const r = await (
      await closed.fetch('http://api/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ __schema { types { name } } }' }),
      })
    ).json();
    expect(r.errors?.[0]?.message).toMatch(/introspection/i);
    const open = await h.gql('{ __schema { queryType { name } } }');
    expect(open.data).toEqual({ __schema: { queryType: { name: 'Query' } } });
  });

  it('#13.8: refuses a where nested 1,000 ANDs deep (variables or literal) before anything recurses', async () => {
    let w: Record<string, unknown> = { id_eq: 'x' };
    for (let i = 0; i < 1000; i++) w = { AND: [w] };
    const deep = await h.gql('query($w: DatanetWhereInput) { datanets(where: $w) { id } }', { w });
    expect(deep.errors?.[0]).toMatchObject({ extensions: { code: 'LIMIT_EXCEEDED' } });
    // just over the where depth (16), still far below the variable nesting guard: refused by the where parser
    let w17: Record<string, unknown> = { id_eq: 'x' };
    for (let i = 0; i < 17; i++) w17 = { AND: [w17] };
    const d17 = await h.gql('query($w: DatanetWhereInput) { datanets(where: $w) { id } }', { w: w17 });
    expect(d17.errors?.[0]?.message).toMatch(/nested deeper than 16/);
    expect(d17.errors?.[0]?.extensions?.code).toBe('LIMIT_EXCEEDED');
    // relation filters count as nesting too
    let rel = '{id_eq: "1"}';
    for (let i = 0; i < 20; i++) rel = `{baseModel: ${rel}}`;
    const r = await h.gql(`{ models(where: ${rel}) { id } }`);
    expect(r.errors?.[0]?.extensions?.code).toBe('LIMIT_EXCEEDED');
    // a literal nested 3,000 brackets deep would overflow graphql-js's parser: refused before it runs
    const list = `${'['.repeat(3000)}1${']'.repeat(3000)}`;
    const lit = await h.gql(`{ datanets(where: {id_in: ${list}}) { id } }`);
    expect(lit.errors?.[0]).toMatchObject({ extensions: { code: 'LIMIT_EXCEEDED' } });
    // and the where parser itself refuses by depth whatever the caller (no stack overflow)
    const { parseWhere } = await import('../src/entities/ir/parseWhere.js');
    let huge: Record<string, unknown> = {};
    for (let i = 0; i < 100_000; i++) huge = { OR: [huge] };
    const e = h.api.model.entities.get('Datanet');
    expect(() =>
      parseWhere(h.api.model, e as never, huge, { maxWhereNodes: 1e9, maxWhereDepth: 16, maxInList: 10 }),
    ).toThrow(/nested deeper/);
    await stillUp();
  });

  it('#13.9: never echoes the request body (1 MB of invalid JSON, 1 MB in a wrong-typed variable)', async () => {
    const body = `{"query": "${'a'.repeat(1_000_000)}`;
    const res = await h.api.fetch('http://api/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
    });
    const text = await res.text();
    expect(text.length).toBeLessThan(1000);
    expect(JSON.parse(text).errors[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } });
    expect(text).not.toMatch(/originalError|aaaa/);
    const big = await h.gql('query($l: Int) { datanets(limit: $l) { id } }', { l: 'b'.repeat(1_000_000) });
    expect(JSON.stringify(big).length).toBeLessThan(1000);
    expect(big.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    await stillUp();
  });

  it('#13.10: gives no schema hints when introspection is off', async () => {
    const { createApi } = await import('../src/index.js');
    const closed = createApi({ pool: h.pool, introspection: false, logError: () => {} });
    const ask = async (query: string, variables?: unknown) =>
      (
        await closed.fetch('http://api/graphql', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ query, variables }),
        })
      ).json();
    const probes = [
      ask('{ datanets(orderBy: [nme_ASC]) { id } }'),
      ask('query($o: [DatanetOrderByInput!]) { datanets(orderBy: $o) { id } }', { o: ['nme_ASC'] }),
      ask('query($w: DatanetWhereInput) { datanets(where: $w) { id } }', { w: { nme_eq: 'x' } }),
      ask('{ datanets { nme } }'),
      ask('{ datanet { id } }'),
      ask('{ datanets(wher: {}) { id } }'),
      ask('{ contributions(where: {status_eq: ACEPTED}) { id } }'),
    ];
    for (const r of await Promise.all(probes)) {
      expect(r.errors?.length).toBeGreaterThan(0);
      for (const e of r.errors) {
        expect(e.message).not.toMatch(/did you mean/i);
        expect(e.extensions?.code).not.toBe('INTERNAL');
      }
    }
    // with introspection on, the hint is fine
    const open = await h.gql('{ datanets(orderBy: [nme_ASC]) { id } }');
    expect(open.errors?.[0]?.message).toMatch(/Did you mean/);
  });

  it('#13.11: refuses cross-site simple POSTs before any GraphQL runs; JSON and preflighted requests pass', async () => {
    const mutation =
      'mutation { flagAttribution(attributionId: "1", reason: "x", auditor: "0x00000000000000000000000000000000000000a1", deadline: "1", nonce: "1", signature: "0x") { id } }';
    const simple: Array<[string, string]> = [
      ['application/x-www-form-urlencoded', `query=${encodeURIComponent(mutation)}`],
      [
        'multipart/form-data; boundary=x',
        `--x\r\nContent-Disposition: form-data; name="operations"\r\n\r\n${JSON.stringify({ query: mutation })}\r\n--x--\r\n`,
      ],
      ['text/plain', JSON.stringify({ query: mutation })],
      ['', JSON.stringify({ query: mutation })],
    ];
    for (const [type, body] of simple) {
      const before = h.statements();
      const headers: Record<string, string> = { origin: 'https://evil.example' };
      if (type) headers['content-type'] = type;
      const res = await h.api.fetch('http://api/graphql', { method: 'POST', headers, body });
      expect(res.status, type).toBe(415);
      expect((await res.json()).errors[0].extensions.code).toBe('BAD_USER_INPUT');
      expect(h.statements(), type).toBe(before);
    }
    // a mutation over GET is refused by yoga itself
    const get = await h.api.fetch(`http://api/graphql?query=${encodeURIComponent(mutation)}`);
    expect(get.status).toBe(405);
    // a header that forces a preflight lets a form through (the browser asked CORS first)
    const pre = await h.api.fetch('http://api/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'apollo-require-preflight': 'true' },
      body: 'query=%7B__typename%7D',
    });
    expect(await pre.json()).toEqual({ data: { __typename: 'Query' } });
    // JSON reaches the resolver (which then judges the signature)
    const json = await h.gql(mutation);
    expect(json.errors?.[0]?.extensions?.code).not.toBe('INTERNAL');
    expect(json.errors?.[0]?.path).toEqual(['flagAttribution']);
  });
});
